"""docs/model_that_learns.md: the models, their accuracies and the descent paths, re-derived in float64."""

import contextlib
import io
import itertools
import math
import runpy

import pytest
import torch
import torch.nn.functional as F

from lessonkit import Project, run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("model_that_learns/train.py")


def bce(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Mean binary cross-entropy of logits, written out: log(1 + e^z) − yz."""
    return (F.softplus(logits) - labels * logits).mean().item()


def accuracy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return ((logits > 0).double() == labels).double().mean().item()


def network64(X, W1, b1, W2, b2):
    hidden = torch.tanh(X.double() @ W1.double().T + b1.double())
    return (hidden @ W2.double().T + b2.double()).squeeze(1)


def newton(features: torch.Tensor, t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The weights that minimise the mean cross-entropy of σ(features · θ) against t: Newton's method, float64."""
    features, t = features.double(), t.double()
    theta = torch.zeros(features.shape[1], dtype=torch.float64)
    for _ in range(50):
        p = torch.sigmoid(features @ theta)
        gradient = features.T @ (p - t) / len(t)
        hessian = features.T @ (features * (p * (1 - p))[:, None]) / len(t)
        theta = theta - torch.linalg.solve(hessian, gradient)
    return theta, hessian


def with_ones(u: torch.Tensor) -> torch.Tensor:
    """The columns u and 1: the feature of σ(wu + b), with the bias as a weight on a constant."""
    return torch.stack([u.double(), torch.ones_like(u, dtype=torch.float64)], dim=1)


def hessian64(u: torch.Tensor, w: float, b: float) -> torch.Tensor:
    """The Hessian of the mean cross-entropy of σ(wu + b) in (w, b), in closed form: mean of ŷ(1 − ŷ)·[u, 1]ᵀ[u, 1]."""
    features = with_ones(u)
    p = torch.sigmoid(features @ torch.tensor([w, b], dtype=torch.float64))
    return features.T @ (features * (p * (1 - p))[:, None]) / len(u)


def curvatures_by_sweep(hessian: torch.Tensor) -> tuple[float, float]:
    """The smallest and largest second derivative along a unit direction d, dᵀHd, over 20001 directions."""
    angles = torch.linspace(0, math.pi, 20001, dtype=torch.float64)
    directions = torch.stack([angles.cos(), angles.sin()], dim=1)
    along = ((directions @ hessian) * directions).sum(dim=1)
    return along.min().item(), along.max().item()


def test_the_data_is_xor_shaped(run):
    for X, y, per_blob in ((run["X_train"], run["y_train"], 50), (run["X_test"], run["y_test"], 25)):
        assert X.shape == (4 * per_blob, 2) and y.shape == (4 * per_blob,)
        for blob, centre in enumerate(run["centres"]):
            rows = slice(blob * per_blob, (blob + 1) * per_blob)
            # Class 1 exactly for the blobs whose centre's coordinates share a sign.
            assert (y[rows] == float(centre[0] * centre[1] > 0)).all()
            # Each blob's mean lies within four standard errors of its centre.
            standard_error = run["spread"] / math.sqrt(per_blob)
            assert (X[rows].mean(0) - centre).abs().max() < 4 * standard_error
        assert y.sum().item() == 2 * per_blob  # balanced


def test_each_data_set_ignores_the_global_random_stream(run):
    make_blobs = run["make_blobs"]
    with torch.random.fork_rng():
        torch.manual_seed(12345)
        torch.randn(1000)  # other code drawing from the global stream first
        X, y = make_blobs(50, run["train_seed"])
    assert torch.equal(X, run["X_train"]) and torch.equal(y, run["y_train"])
    assert not torch.equal(make_blobs(25, run["test_seed"])[0], make_blobs(25, run["train_seed"])[0])
    assert run.outputs["data"].splitlines()[-1].endswith("True")


def test_the_lesson_leaves_the_global_random_state_alone():
    state = torch.random.get_rng_state()
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(Project.here().snippet("model_that_learns/train.py")))
    assert torch.equal(state, torch.random.get_rng_state())


def test_the_centres_share_one_midpoint_so_no_line_separates_them(run):
    one, other_one, zero, other_zero = run["centres"].double()
    # The two expressions of each class sum to w·(sum of the centres) + 2b, and both sums of centres are 0.
    assert torch.equal(one + other_one, torch.zeros(2, dtype=torch.float64))
    assert torch.equal(zero + other_zero, torch.zeros(2, dtype=torch.float64))


def test_the_class_segments_cross_so_no_line_separates_the_drawn_points(run):
    def cross(a, b):
        return (a[0] * b[1] - a[1] * b[0]).item()

    for X in (run["X_train"], run["X_test"]):
        one, other_one, zero, other_zero = X.double().reshape(4, -1, 2).mean(dim=1)
        d1, d0 = other_one - one, other_zero - zero
        # p + f·d1 = r + g·d0, solved with 2-D cross products (Cramer's rule), in float64.
        f = cross(zero - one, d0) / cross(d1, d0)
        g = cross(zero - one, d1) / cross(d1, d0)
        assert 0 < f < 1 and 0 < g < 1
        torch.testing.assert_close(one + f * d1, zero + g * d0)
    # And the snippet found the same fractions for the training set.
    one, other_one, zero, other_zero = run["blob_means"](run["X_train"])
    _, f32, g32 = run["crossing"](one, other_one, zero, other_zero)
    one, other_one, zero, other_zero = run["X_train"].double().reshape(4, -1, 2).mean(dim=1)
    d1, d0 = other_one - one, other_zero - zero
    assert f32 == pytest.approx(cross(zero - one, d0) / cross(d1, d0), abs=1e-5)
    assert g32 == pytest.approx(cross(zero - one, d1) / cross(d1, d0), abs=1e-5)


def test_logistic_regression_stays_at_log_2(run):
    losses = run["logistic_losses"]
    assert losses[0] == pytest.approx(math.log(2), rel=1e-6)  # zero weights: probability ½ everywhere
    # A convex loss and a small step: the loss never rises, beyond a few float32 steps of rounding near 0.69.
    assert all(later <= earlier + 4 * 2.0**-24 for earlier, later in itertools.pairwise(losses))
    assert losses[-1] > 0.99 * math.log(2)
    X, y = run["X_test"], run["y_test"].double()
    logistic = run["logistic"]
    logits = X.double() @ logistic.w.detach().double() + logistic.b.detach().double()
    assert run["logistic_test_accuracy"] == pytest.approx(accuracy(logits, y))
    assert run["logistic_test_accuracy"] < 0.6


def test_the_best_straight_line_is_barely_better_than_no_line(run):
    X, y = run["X_train"], run["y_train"]
    features = torch.cat([X.double(), torch.ones(len(X), 1, dtype=torch.float64)], dim=1)
    theta, _ = newton(features, y)
    best = bce(features @ theta, y.double())
    assert math.log(2) > best > 0.99 * math.log(2)
    assert run["logistic_losses"][-1] == pytest.approx(best, abs=1e-4)  # the loop is close to the best line


def test_the_network_learns_xor(run):
    start = run["start"]
    first = bce(network64(run["X_train"], *start), run["y_train"].double())
    assert run["network_losses"][0] == pytest.approx(first, rel=1e-5)
    assert run["network_losses"][-1] < 0.1 * run["network_losses"][0]
    network = run["network"]
    trained = [parameter.detach() for parameter in network.parameters()]
    for X, y, column in ((run["X_train"], run["y_train"], 1), (run["X_test"], run["y_test"], 2)):
        assert run["results"]["network"][column] == pytest.approx(accuracy(network64(X, *trained), y.double()))
    assert run["network_test_accuracy"] > 0.9
    assert run["parameter_count"] == 8 * 2 + 8 + 8 + 1
    # Each parameter the loop updated is still a leaf with a gradient: nothing was lost on the way.
    assert all(parameter.is_leaf and parameter.grad is not None for parameter in network.parameters())


def test_the_models_depend_only_on_their_own_parameters(run):
    logistic, X = run["Logistic"](2), run["X_train"]
    with torch.no_grad():
        logistic.w.copy_(torch.tensor([0.5, -2.0]))
        logistic.b.fill_(0.25)
    torch.testing.assert_close(logistic(X), X @ torch.tensor([0.5, -2.0]) + 0.25)
    network = run["Network"](3, torch.Generator().manual_seed(7))
    torch.testing.assert_close(network(X).double(), network64(X, *[p.detach() for p in network.parameters()]))


def test_hidden_units_that_start_equal_stay_equal(run):
    network = run["Network"](4, torch.Generator().manual_seed(0))
    with torch.no_grad():
        network.W1.copy_(torch.tensor([0.3, -0.7]).repeat(4, 1))
        network.b1.fill_(0.1)
        network.W2.fill_(0.5)
    run["train"](network, run["X_train"], run["y_train"], 0.5, 50)
    W1, b1, W2 = network.W1.detach(), network.b1.detach(), network.W2.detach()
    assert torch.equal(W1, W1[0].expand_as(W1)) and torch.equal(b1, b1[0].expand_as(b1))  # to the last bit
    assert torch.equal(W2, W2[0, 0].expand_as(W2))
    assert (W1[0] - torch.tensor([0.3, -0.7])).abs().max() > 1e-3  # they did move, all together
    # The page's own run: one distinct row of W1 and one value each of b1 and W2, after moving.
    equal = run["equal"]
    assert len(run["W1_rows"]) == len(run["b1_values"]) == len(run["W2_values"]) == 1
    assert torch.equal(equal.W1.detach(), run["W1_rows"].expand_as(equal.W1))
    assert (run["W1_rows"][0] - run["first_row"]).abs().max() > 1e-3


def test_scaling_after_requires_grad_leaves_a_non_leaf_without_grad():
    W2 = 0.5 * torch.randn(1, 8, generator=torch.Generator().manual_seed(0), requires_grad=True)
    assert not W2.is_leaf
    W2.sum().backward()
    with pytest.warns(UserWarning, match="is not a leaf"):
        assert W2.grad is None


def test_an_in_place_update_of_a_leaf_outside_no_grad_raises():
    w = torch.zeros(2, requires_grad=True)
    (w * 3).sum().backward()
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad is being used in an in-place operation"):
        w -= 0.5 * w.grad


def test_torch_optim_sgd_gives_the_hand_written_loop_bit_for_bit(run):
    assert run["sgd_losses"] == run["network_losses"]
    for ours, theirs in zip(run["network"].parameters(), run["sgd_model"].parameters(), strict=True):
        assert torch.equal(ours.detach(), theirs.detach())
    assert run["loss_gap"] == 0 and run["weight_gap"] == 0
    # Independently of the snippet's loops: one SGD step is p − lr·grad, for every parameter.
    model = run["network_at_start"]()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    F.binary_cross_entropy_with_logits(model(run["X_train"]).squeeze(1), run["y_train"]).backward()
    expected = [(p.detach().double() - 0.5 * p.grad.double()) for p in model.parameters()]
    optimizer.step()
    for parameter, value in zip(model.parameters(), expected, strict=True):
        torch.testing.assert_close(parameter.detach().double(), value)


def test_a_power_of_two_learning_rate_makes_both_updates_round_alike(run):
    generator = torch.Generator().manual_seed(0)
    w, g = torch.rand(100_000, generator=generator), torch.rand(100_000, generator=generator)
    assert run["network_lr"] == 0.5  # a power of two
    assert torch.equal(w - run["network_lr"] * g, w.clone().add_(g, alpha=-run["network_lr"]))
    assert not torch.equal(w - 0.05 * g, w.clone().add_(g, alpha=-0.05))  # not a power of two: some last bits differ


def test_adam_steps_about_the_learning_rate_for_a_small_steady_gradient(run):
    lr, slope, steps = run["adam_lr"], run["small_slope"], run["steady_steps"]
    p = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.Adam([p], lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        (slope * p).sum().backward()
        optimizer.step()
    # Each step is lr · m̂ / (√v̂ + 1e-8) with m̂ = slope and v̂ = slope² for a constant slope: lr, to about 1e-5.
    assert p.item() == pytest.approx(-steps * lr, rel=1e-4)
    assert run["lone"].item() == pytest.approx(-steps * lr, rel=1e-4)
    assert abs(run["plain"]) == pytest.approx(steps * lr * slope)


def test_adam_is_faster_here(run):
    steps = run["adam_steps"]
    assert run["ours_after_adam_steps"] == run["network_losses"][steps - 1]
    assert run["adam_losses"][-1] < 0.5 * run["ours_after_adam_steps"]
    assert run["adam_test_accuracy"] > 0.9


def test_descent_reaches_the_newton_minimum(run):
    u, t = run["u"], run["t"]
    theta, _ = newton(with_ones(u), t)
    minimum_loss = bce(theta[0] * u.double() + theta[1], t.double())
    assert run["best"] == pytest.approx(theta.tolist(), abs=5e-3)
    assert run["best_loss"] == pytest.approx(minimum_loss, abs=1e-5)
    assert run["path_losses"][1] < run["path_losses"][0]
    assert min(run["path_losses"]) > minimum_loss


def test_the_curvatures_are_the_hessians_extremes_over_all_directions(run):
    hessian = hessian64(run["u"], *run["best"])
    flattest, steepest = curvatures_by_sweep(hessian)
    assert run["flattest"] == pytest.approx(flattest, rel=1e-3)
    assert run["steepest"] == pytest.approx(steepest, rel=1e-3)
    assert run["condition_number"] == pytest.approx(steepest / flattest, rel=2e-3)
    assert run["condition_number"] > 20  # the page's "long and narrow valley"
    assert run["step_limit"] == pytest.approx(2 / steepest, rel=1e-3)
    assert run["keeps"] == pytest.approx([1 - lr * flattest for lr in run["step_sizes"]], abs=1e-5)
    # The larger step: a negative factor across the valley (it zigzags) whose size is below 1 (the zigzag dies out).
    assert -1 < 1 - run["step_sizes"][1] * steepest < 0


def test_the_valley_floor_runs_where_b_falls_by_about_u_mean_per_unit_of_w(run):
    _, vectors = torch.linalg.eigh(hessian64(run["u"], *run["best"]))
    floor = vectors[:, 0]  # the direction of the smallest curvature
    slope = (-floor[1] / floor[0]).item()
    assert run["floor_slope"] == pytest.approx(slope, rel=1e-2)
    assert slope == pytest.approx(run["u_mean"], rel=0.15)  # "roughly": within 15 %


def test_a_step_above_two_over_the_steepest_curvature_cannot_settle(run):
    u, t, limit, path_of = run["u"], run["t"], run["step_limit"], run["descent_path"]
    theta, _ = newton(with_ones(u), t)
    below = path_of(u, t, 0.9 * limit, 600)
    assert below[-1] == pytest.approx(theta.tolist(), abs=1e-3)
    above = path_of(u, t, 1.1 * limit, 600)
    # It never reaches the bottom: it ends bouncing between two points on either side of it.
    assert math.dist(above[-1], above[-2]) > 0.1
    assert math.dist(above[-1], above[-3]) < 1e-3
    assert run["line_loss"](*above[-1], u, t).item() > run["best_loss"] + 1e-3


def test_the_small_step_creeps_and_the_large_one_zigzags(run):
    small, large = run["paths"]
    assert len(small) == len(large) == run["path_steps"] + 1
    assert small[0] == large[0] == (0.0, 0.0)
    w_small = [w for w, _ in small[:10]]
    w_large = [w for w, _ in large[:10]]
    assert all(later > earlier for earlier, later in itertools.pairwise(w_small))  # steadily uphill in w
    moves = [later - earlier for earlier, later in itertools.pairwise(w_large)]
    assert all(a * b < 0 for a, b in itertools.pairwise(moves))  # w goes back and forth at every step


def test_exercise_product_feature(run):
    X, y = run["X_test"], run["y_test"].double()
    columns = torch.stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]], dim=1).double()
    model = run["product_model"]
    logits = columns @ model.w.detach().double() + model.b.detach().double()
    assert run["product_test_accuracy"] == pytest.approx(accuracy(logits, y))
    assert run["product_test_accuracy"] > 0.95
    weights = model.w.detach().abs()
    assert weights[2] > 5 * weights[:2].max()  # "nearly all its weight sits on the product"
    wrong = sum(int(((X[:, 0] * X[:, 1] > 0) != y.bool()).sum()) for X, y in (run["sets"]))
    assert run["wrong_sign"] == wrong == 0


def test_exercise_centring_rounds_the_valley_but_not_fully(run):
    u, t = run["u"], run["t"]
    assert run["u_mean"] == pytest.approx(u.double().mean().item(), rel=1e-6)
    centred = u.double() - u.double().mean()
    theta, _ = newton(with_ones(centred), t)
    minimum_loss = bce(theta[0] * centred + theta[1], t.double())
    # The same family of lines: the same lowest loss as before centring.
    original, _ = newton(with_ones(u), t)
    assert minimum_loss == pytest.approx(bce(original[0] * u.double() + original[1], t.double()), rel=1e-10)
    flattest, steepest = curvatures_by_sweep(hessian64(centred, *theta.tolist()))
    assert run["centred_condition_number"] == pytest.approx(steepest / flattest, rel=1e-2)
    assert 1.2 < run["centred_condition_number"] < 0.1 * run["condition_number"]  # much rounder, not round
    assert run["centred_flattest"] > 3 * run["flattest"]
    assert run["centred_step_limit"] == pytest.approx(2 / steepest, rel=1e-2)
    assert run["centred_end_loss"] == pytest.approx(minimum_loss, abs=5e-3)
    assert run["centred_end_loss"] < run["path_losses"][0]


def test_exercise_a_network_started_at_zero_never_moves(run):
    network = run["zero_network"]
    assert all(torch.equal(p.detach(), torch.zeros_like(p)) for p in network.parameters())
    assert run["zero_losses"] == [pytest.approx(math.log(2), rel=1e-6)] * run["network_steps"]
    # Why: at zero, every gradient is exactly zero (b2's because the classes are balanced).
    fresh = run["Network"](8, torch.Generator().manual_seed(0))
    with torch.no_grad():
        for parameter in fresh.parameters():
            parameter.zero_()
    F.binary_cross_entropy_with_logits(fresh(run["X_train"]), run["y_train"]).backward()
    assert all(torch.equal(p.grad, torch.zeros_like(p)) for p in fresh.parameters())
