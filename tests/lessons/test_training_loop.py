"""docs/training_loop.md: nn.Module, cross_entropy, the DataLoader and momentum, checked against hand derivations."""

import contextlib
import io
import math
import runpy

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from lessonkit import Project, run_snippet
from tests.lessons.figures import figure


@pytest.fixture(scope="module")
def run():
    return run_snippet("training_loop/train.py")


@pytest.fixture(scope="module")
def first():
    return run_snippet("training_loop/first_steps.py")


def momentum_path(gradients, lr, beta):
    """The positions of w from 0 under PyTorch's rule u1 = g1, u = βu + g, w -= ηu, in float64."""
    w, u, path = 0.0, None, []
    for g in gradients:
        u = g if u is None else beta * u + g
        w -= lr * u
        path.append(w)
    return path


def test_each_data_set_has_its_own_generator(run):
    make_blobs = run["make_blobs"]
    with torch.random.fork_rng():
        torch.manual_seed(999)
        torch.randn(100)  # other draws from the global stream first
        X, y = make_blobs(60, run["train_seed"])
    assert torch.equal(X, run["X_train"]) and torch.equal(y, run["y_train"])
    assert not torch.equal(make_blobs(20, run["test_seed"])[0], make_blobs(20, run["train_seed"])[0])


def test_the_labels_are_int64_class_indices_in_blocks(run):
    y = run["y_train"]
    assert y.dtype == torch.int64
    assert y.tolist() == [k for k in range(3) for _ in range(60)]
    for k, centre in enumerate(run["centres"]):
        assert (run["X_train"][y == k].mean(0) - centre).abs().max() < 4 * 0.5 / math.sqrt(60)


def test_nn_linear_computes_x_times_weight_transposed_plus_bias(run):
    layer = run["model"].hidden
    assert layer.weight.shape == (16, 2) and layer.bias.shape == (16,)
    X = run["X_train"][:5].double()
    expected = X @ layer.weight.detach().double().T + layer.bias.detach().double()
    torch.testing.assert_close(layer(run["X_train"][:5]).detach().double(), expected)


def test_nn_module_registers_the_layers_assigned_as_attributes(run):
    model = run["model"]
    names = [name for name, _ in model.named_parameters()]
    assert names == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"]
    assert [p.data_ptr() for p in model.parameters()] == [
        p.data_ptr() for p in (model.hidden.weight, model.hidden.bias, model.output.weight, model.output.bias)
    ]
    # A plain tensor attribute is not registered: only modules and nn.Parameter are.
    model.extra = torch.zeros(3, requires_grad=True)
    try:
        assert len(list(model.parameters())) == 4
    finally:
        del model.extra


def test_calling_the_model_runs_forward(run):
    model, X = run["model"], run["X_train"][:7]
    expected = torch.tanh(X.double() @ model.hidden.weight.double().T + model.hidden.bias.double())
    expected = expected @ model.output.weight.double().T + model.output.bias.double()
    torch.testing.assert_close(model(X).double(), expected.detach())
    assert torch.equal(model(X), model.forward(X))
    assert model(X).shape == (7, 3)


def test_fresh_model_gives_the_same_weights_and_leaves_the_global_stream_alone(run):
    before = torch.random.get_rng_state()
    one, two = run["fresh_model"](run["weights_seed"]), run["fresh_model"](run["weights_seed"])
    assert torch.equal(before, torch.random.get_rng_state())
    for a, b in zip(one.parameters(), two.parameters(), strict=True):
        assert torch.equal(a, b)
    # Without fork_rng, building a layer does draw from the global stream.
    with torch.random.fork_rng():
        state = torch.random.get_rng_state()
        nn.Linear(2, 3)
        assert not torch.equal(state, torch.random.get_rng_state())


def test_cross_entropy_is_the_mean_negative_log_softmax_of_the_true_class(run):
    logits, labels = run["logits"].detach().double(), run["labels"]
    # log-softmax by hand: z − z_max − log Σ exp(z − z_max)
    z_max = logits.max(dim=1, keepdim=True).values
    log_p = logits - z_max - torch.log(torch.exp(logits - z_max).sum(dim=1, keepdim=True))
    expected = -log_p[torch.arange(len(labels)), labels].mean().item()
    assert run["loss"].item() == pytest.approx(expected, rel=1e-6)
    assert run["by_hand"].item() == pytest.approx(expected, rel=1e-6)
    # Its gradient with respect to the logits: (p − one-hot) / B.
    z = run["logits"].detach().clone().requires_grad_()
    F.cross_entropy(z, labels).backward()
    torch.testing.assert_close(z.grad.double(), (log_p.exp() - F.one_hot(labels, 3)) / len(labels), atol=1e-7, rtol=0)
    # Probabilities instead of logits give another number: softmax applied twice.
    assert F.cross_entropy(F.softmax(z.detach(), dim=1), labels).item() != pytest.approx(expected, rel=1e-3)


def test_the_loader_visits_every_point_once_per_epoch_in_a_new_order(run):
    loader = run["make_loader"](run["shuffle_seed"])
    epochs = [[(X, y) for X, y in loader] for _ in range(2)]
    orders = []
    for batches in epochs:
        assert len(batches) == run["batches_per_epoch"] == 9
        assert all(len(y) == 20 for _, y in batches)
        X = torch.cat([X for X, _ in batches])
        # Every training row exactly once: sorting rows of both gives the same set.
        assert sorted(map(tuple, X.tolist())) == sorted(map(tuple, run["X_train"].tolist()))
        orders.append(torch.cat([y for _, y in batches]))
    assert not torch.equal(orders[0], orders[1])
    # The same seed gives the same order again.
    again = torch.cat([y for _, y in run["make_loader"](run["shuffle_seed"])])
    assert torch.equal(again, orders[0])


def test_without_shuffling_the_first_batches_hold_one_class(run):
    batches = list(
        DataLoader(TensorDataset(run["X_train"], run["y_train"]), batch_size=20, generator=torch.Generator())
    )
    assert [set(y.tolist()) for _, y in batches[:4]] == [{0}, {0}, {0}, {1}]
    assert run["class_0_batches"] == 3


def test_cross_entropy_accepts_one_hot_rows_and_differs_on_probabilities(run):
    logits, labels = run["logits"].detach(), run["labels"]
    assert F.cross_entropy(logits, F.one_hot(labels, 3).float()).item() == pytest.approx(run["loss"].item(), rel=1e-6)
    assert run["labels"].tolist() == [0, 0, 1, 2]


def test_eval_sets_the_training_flag_in_every_layer(run):
    model = run["fresh_model"](0)
    model.eval()
    assert not model.training and not model.hidden.training and not model.output.training
    model.train()
    assert model.training and model.hidden.training and model.output.training


def test_the_loader_shuffles_with_its_own_generator_only(run):
    state = torch.random.get_rng_state()
    list(run["make_loader"](5))
    assert torch.equal(state, torch.random.get_rng_state())
    with torch.random.fork_rng():  # without a generator, shuffling draws from the global stream
        state = torch.random.get_rng_state()
        list(DataLoader(TensorDataset(run["X_train"]), batch_size=20, shuffle=True))
        assert not torch.equal(state, torch.random.get_rng_state())
    with torch.random.fork_rng():  # and so does an unshuffled loader without one, once per epoch
        state = torch.random.get_rng_state()
        list(DataLoader(TensorDataset(run["X_train"]), batch_size=20))
        assert not torch.equal(state, torch.random.get_rng_state())
    printed = run.outputs["loader"].splitlines()
    assert printed[-2] == "global random state unchanged: True"
    assert printed[-1] == "an unshuffled loader with no generator changes it: True"


@pytest.mark.parametrize("snippet", ["training_loop/train.py", "training_loop/first_steps.py"])
def test_the_lesson_leaves_the_global_random_state_alone(snippet):
    state = torch.random.get_rng_state()
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(Project.here().snippet(snippet)))
    assert torch.equal(state, torch.random.get_rng_state())


def test_minibatch_training_learns_the_three_classes(run):
    losses = run["plain_losses"]
    assert len(losses) == run["epochs"] == 20
    assert losses[-1] < 0.25 * losses[0]
    model = run["plain_model"]
    with torch.no_grad():
        expected = F.cross_entropy(model(run["X_train"]).double(), run["y_train"]).item()
        test_accuracy = (model(run["X_test"]).argmax(1) == run["y_test"]).double().mean().item()
    assert losses[-1] == pytest.approx(expected, rel=1e-5)
    assert run["accuracy"](model, run["X_test"], run["y_test"]) == pytest.approx(test_accuracy)
    assert test_accuracy > 0.9


def test_eval_mode_changes_nothing_for_this_model(run):
    model, X = run["plain_model"], run["X_test"]
    with torch.no_grad():
        trained = model(X)
        model.eval()
        evaluated = model(X)
        model.train()
    assert torch.equal(trained, evaluated)
    assert model.training


def test_dropout_reads_the_training_flag():
    dropout, ones = nn.Dropout(p=0.5), torch.ones(1000)
    with torch.random.fork_rng():
        torch.manual_seed(0)
        assert (dropout.train()(ones) == 0).any()  # training: some entries zeroed, the rest scaled by 2
    assert torch.equal(dropout.eval()(ones), ones)  # evaluation: nothing changes
    with torch.random.fork_rng():
        torch.manual_seed(0)
        kept = nn.Dropout().train()(ones)  # the default probability is one half
    assert set(kept.unique().tolist()) == {0.0, 2.0} and 0.4 < (kept == 0).float().mean().item() < 0.6


def test_the_pages_dropout_line_shows_zeros_and_twos_then_ones(run):
    line = run.outputs["train"].splitlines()[-1]
    training, evaluated = line.split("after eval():")
    assert "0." in training and "2." in training and "1." not in training
    assert evaluated.strip() == str(torch.ones(8))


def test_the_hand_written_loop_matches_sgd_to_float32_rounding(run):
    gap = run["hand_gap"]
    largest = max(p.abs().max().item() for p in run["plain_model"].parameters())
    # A few float32 units in the last place of the largest parameter, after 180 steps.
    assert 0 < gap <= 8 * torch.finfo(torch.float32).eps * largest


def test_sgds_update_rounds_once_where_the_hand_written_one_rounds_twice():
    generator = torch.Generator().manual_seed(1)
    w, g = torch.rand(100_000, generator=generator), torch.rand(100_000, generator=generator)
    lr = 0.05
    once = (w.double() - torch.tensor(lr).double() * g.double()).float()  # exact, then one rounding
    stepped = w.clone().requires_grad_()
    stepped.grad = g.clone()
    torch.optim.SGD([stepped], lr=lr).step()
    assert torch.equal(stepped.detach(), once)
    assert torch.equal(w.clone().add_(g, alpha=-lr), once)
    assert not torch.equal(w - lr * g, once)  # rounding lr * g first changes some last bits


def test_momentum_rule_matches_torch_sgd_step_by_step(run):
    assert run["step_gap"] < 1e-6 and run["buffer_gap"] < 1e-6
    # Independently, in float64, for three steps on a fresh model.
    model = run["fresh_model"](run["weights_seed"]).double()
    lr, beta = run["lr"], run["beta"]
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=beta)
    weight = model.output.weight
    expected, u = weight.detach().clone(), None
    for X, y in list(run["make_loader"](run["shuffle_seed"]))[:3]:
        optimizer.zero_grad()
        F.cross_entropy(model(X.double()), y).backward()
        u = weight.grad.clone() if u is None else beta * u + weight.grad
        expected = expected - lr * u
        optimizer.step()
        torch.testing.assert_close(weight.detach(), expected, rtol=0, atol=1e-14)
    torch.testing.assert_close(optimizer.state[weight]["momentum_buffer"], u, rtol=0, atol=1e-14)


def test_the_momentum_buffer_starts_as_the_first_gradient():
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    (w * torch.tensor([3.0, 4.0])).sum().backward()
    optimizer.step()
    assert torch.equal(optimizer.state[w]["momentum_buffer"], torch.tensor([3.0, 4.0]))


def test_the_first_steps_follow_each_rule(first):
    lr, beta, slope, steps = first["demo_lr"], first["demo_beta"], first["slope"], first["demo_steps"]
    gradients = [slope] * steps
    expected = {
        "torch_momentum": momentum_path(gradients, lr, beta),
        "plain": momentum_path(gradients, lr, 0.0),
        "nesterov": [-lr * slope * (1 + beta), -lr * slope * (1 + beta) - lr * slope * (1 + beta * (1 + beta))],
        # The running average from zero: the same as PyTorch's rule with the learning rate times 1 − β.
        "average_from_zero": momentum_path(gradients, lr * (1 - beta), beta),
    }
    for section, path in expected.items():
        printed = [float(line) for line in first.outputs[section].split()]
        assert printed == pytest.approx(path, abs=5e-5), section


def test_the_prediction_choices_print_different_outputs(first):
    outputs = [first.outputs[name] for name in ("torch_momentum", "plain", "nesterov", "average_from_zero")]
    assert len(set(outputs)) == len(outputs)


def test_momentum_reaches_plain_sgds_final_loss_sooner(run):
    plain, momentum = run["plain_losses"], run["momentum_losses"]
    needed = run["plain_epochs_needed"]
    assert momentum[needed - 1] <= plain[-1] < momentum[needed - 2]
    assert needed < len(plain) // 2
    assert momentum[-1] < plain[-1]


def test_exercise_momentum_steps_grow_towards_one_over_one_minus_beta(first):
    beta, n = first["demo_beta"], first["long_run"]
    assert first["growth"] == pytest.approx((1 - beta**n) / (1 - beta), rel=1e-4)
    assert first["limit"] == pytest.approx(1 / (1 - beta))
    path = momentum_path([first["slope"]] * n, first["demo_lr"], beta)
    assert first["positions"][1:] == pytest.approx(path, rel=1e-5)


def test_exercise_the_last_batch_is_smaller_unless_dropped(run):
    n, size = len(run["X_train"]), run["big_batch"]
    assert run["steps_per_epoch"] == math.ceil(n / size) == 6
    assert run["last_batch"] == n - (n // size) * size == 20
    assert len(DataLoader(TensorDataset(run["X_train"]), batch_size=size, drop_last=True)) == n // size


def test_exercise_a_plain_step_of_lr_over_one_minus_beta_does_about_as_well(run):
    large, momentum, plain = run["large_losses"], run["momentum_losses"], run["plain_losses"]
    assert run["large_lr"] == pytest.approx(run["lr"] / (1 - run["beta"]))
    assert large[-1] == pytest.approx(momentum[-1], rel=0.1)  # "about as low as momentum's"
    assert large[-1] < 0.6 * plain[-1]
    assert large[0] < momentum[0]  # "the plain step is ahead after the first epoch"


def test_exercise_parameter_count(run):
    hidden, classes = run["wider_hidden"], run["wider_classes"]
    assert run["wider_count"] == (2 * hidden + hidden) + (hidden * classes + classes)


def test_the_loss_curves_figure_shows_the_lessons_losses(run):
    curves = figure("training_loop", "loss_curves").data["curves"]
    plain, momentum = curves.values()
    assert plain == run["plain_losses"] and momentum == run["momentum_losses"]
