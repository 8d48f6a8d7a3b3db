"""docs/model_that_learns.md: the models, their accuracies and the descent paths, re-derived in float64."""

import itertools
import math

import pytest
import torch

from lessonkit import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("model_that_learns/train.py")


def bce(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Mean binary cross-entropy of logits, written out: log(1 + e^z) − yz."""
    return (torch.nn.functional.softplus(logits) - labels * logits).mean().item()


def accuracy(logits: torch.Tensor, labels: torch.Tensor) -> float:
    return ((logits > 0).double() == labels).double().mean().item()


def logistic64(run, X):
    return X.double() @ run["w"].detach().double() + run["b"].detach().double()


def network64(run, X, W1, b1, W2, b2):
    hidden = torch.tanh(X.double() @ W1.double().T + b1.double())
    return (hidden @ W2.double().T + b2.double()).squeeze(1)


def newton(u: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """The (w, b) that minimise the mean cross-entropy of σ(wu + b) against t: Newton's method, float64."""
    features = torch.stack([u.double(), torch.ones_like(u, dtype=torch.float64)], dim=1)
    theta = torch.zeros(2, dtype=torch.float64)
    for _ in range(50):
        p = torch.sigmoid(features @ theta)
        gradient = features.T @ (p - t.double()) / len(t)
        hessian = features.T @ (features * (p * (1 - p))[:, None]) / len(t)
        theta = theta - torch.linalg.solve(hessian, gradient)
    return theta, hessian


def test_the_data_is_xor_shaped(run):
    for X, y, per_blob in ((run["X_train"], run["y_train"], 50), (run["X_test"], run["y_test"], 25)):
        assert X.shape == (4 * per_blob, 2) and y.shape == (4 * per_blob,)
        for blob, centre in enumerate(run["centres"]):
            rows = slice(blob * per_blob, (blob + 1) * per_blob)
            # Class 1 exactly where the centre's coordinates share a sign.
            assert (y[rows] == float(centre[0] * centre[1] > 0)).all()
            # Each blob's mean lies within four standard errors of its centre.
            standard_error = run["spread"] / math.sqrt(per_blob)
            assert (X[rows].mean(0) - centre).abs().max() < 4 * standard_error
        assert y.sum().item() == 2 * per_blob  # balanced


def test_logistic_regression_stays_at_log_2(run):
    losses = run["logistic_losses"]
    assert losses[0] == pytest.approx(math.log(2), rel=1e-6)  # zero weights: probability ½ everywhere
    # A convex loss and a small step: the loss never rises, beyond a few float32 steps of rounding near 0.69.
    assert all(later <= earlier + 4 * 2.0**-24 for earlier, later in itertools.pairwise(losses))
    assert losses[-1] > 0.99 * math.log(2)
    X, y = run["X_test"], run["y_test"].double()
    assert run["logistic_test_accuracy"] == pytest.approx(accuracy(logistic64(run, X), y))
    assert run["logistic_test_accuracy"] < 0.6


def test_the_network_learns_xor(run):
    start = run["start"]
    first = bce(network64(run, run["X_train"], *start), run["y_train"].double())
    assert run["network_losses"][0] == pytest.approx(first, rel=1e-5)
    assert run["network_losses"][-1] < 0.1 * run["network_losses"][0]
    trained = [run[name].detach() for name in ("W1", "b1", "W2", "b2")]
    for X, y, name in ((run["X_train"], run["y_train"], 1), (run["X_test"], run["y_test"], 2)):
        assert run["results"]["network"][name] == pytest.approx(accuracy(network64(run, X, *trained), y.double()))
    assert run["network_test_accuracy"] > 0.9
    # Each parameter the loop updated is still a leaf with a gradient: nothing was lost on the way.
    assert all(run[name].is_leaf and run[name].grad is not None for name in ("W1", "b1", "W2", "b2"))


def test_torch_optim_sgd_repeats_the_hand_written_loop(run):
    torch.testing.assert_close(torch.tensor(run["sgd_losses"]), torch.tensor(run["network_losses"]))
    first, _, last = run["sgd_model"]
    torch.testing.assert_close(first.weight, run["W1"].detach())
    torch.testing.assert_close(last.bias, run["b2"].detach())


def test_adam_is_faster_here(run):
    steps = run["adam_steps"]
    assert run["ours_after_adam_steps"] == run["network_losses"][steps - 1]
    assert run["adam_losses"][-1] < 0.5 * run["ours_after_adam_steps"]
    assert run["adam_test_accuracy"] > 0.9


def test_descent_reaches_the_newton_minimum(run):
    u, t = run["u"], run["t"]
    theta, hessian = newton(u, t)
    minimum_loss = bce(theta[0] * u.double() + theta[1], t.double())
    # 2000 float32 steps on a narrow valley: close to the minimum, not on it.
    assert run["best"] == pytest.approx(theta.tolist(), abs=5e-3)
    assert run["best_loss"] == pytest.approx(minimum_loss, abs=1e-5)
    assert run["path_losses"][1] < run["path_losses"][0]
    assert min(run["path_losses"]) > minimum_loss
    # The page's "long and narrow valley": curvatures along and across differ many times over.
    curvatures = torch.linalg.eigvalsh(hessian)
    assert curvatures[1] / curvatures[0] > 20


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
    logits = columns @ run["w3"].detach().double() + run["b3"].detach().double()
    assert run["product_test_accuracy"] == pytest.approx(accuracy(logits, y))
    assert run["product_test_accuracy"] > 0.95
    weights = run["w3"].detach().abs()
    assert weights[2] > 5 * weights[:2].max()  # "nearly all its weight sits on the product"


def test_exercise_centring_rounds_the_valley(run):
    u, t = run["u"], run["t"]
    assert run["u_mean"] == pytest.approx(u.double().mean().item(), rel=1e-6)
    theta, hessian = newton(u - u.double().mean(), t)
    minimum_loss = bce(theta[0] * (u.double() - u.double().mean()) + theta[1], t.double())
    # The same family of lines: the same lowest loss as before centring.
    original, _ = newton(u, t)
    assert minimum_loss == pytest.approx(bce(original[0] * u.double() + original[1], t.double()), rel=1e-10)
    curvatures = torch.linalg.eigvalsh(hessian)
    assert curvatures[1] / curvatures[0] < 5  # much rounder than before
    assert run["centred_end_loss"] == pytest.approx(minimum_loss, abs=5e-3)
    assert run["centred_end_loss"] < run["path_losses"][0]
