"""docs/log_sum_exp.md: the naive cross-entropy fails where log-sum-exp does not, and the gradient is p - y.

Every claim is computed again here: in float64, with math, or by hand, never from the recording.
"""

import math

import pytest
import torch
import torch.nn.functional as F

from lessonkit import run_snippet

LOGITS, LABEL = [60.0, -50.0, 0.0], 1


def exact_log_softmax(logits: list[float]) -> list[float]:
    """log p_i = z_i - z_max - log(sum of e^(z_j - z_max)), in Python floats."""
    top = max(logits)
    lse = top + math.log(sum(math.exp(v - top) for v in logits))
    return [v - lse for v in logits]


def test_the_naive_cross_entropy_of_a_confident_mistake_is_inf_with_a_nan_gradient():
    z = torch.tensor(LOGITS, requires_grad=True)
    p = F.softmax(z, dim=0)
    assert p[LABEL].item() == 0.0  # e^-110 rounds to 0 in float32
    p.retain_grad()
    loss = -torch.log(p[LABEL])
    loss.backward()
    assert loss.item() == math.inf
    assert p.grad[LABEL].item() == -math.inf  # -1/p
    assert torch.isnan(z.grad).all()
    run = run_snippet("log_sum_exp/cross_entropy.py")
    assert run["below"] == 110.0
    assert run.outputs["naive"].splitlines()[2] == "loss   = tensor(inf)"


def test_nothing_overflows_in_the_confident_mistake_the_largest_exponential_is_finite():
    largest = torch.exp(torch.tensor(max(LOGITS)))
    assert torch.isfinite(largest) and largest.item() < torch.finfo(torch.float32).max
    run = run_snippet("log_sum_exp/cross_entropy.py")
    assert run["top"] == max(LOGITS) and run["largest_exp"] == pytest.approx(math.exp(max(LOGITS)))


def test_zero_times_infinity_is_nan():
    assert math.isnan(0.0 * math.inf)
    assert torch.isnan(torch.tensor(0.0) * torch.tensor(math.inf))


def test_float64_holds_the_tiny_probability_but_only_moves_the_wall():
    exact = exact_log_softmax(LOGITS)[LABEL]
    assert exact == pytest.approx(-110.0, abs=1e-12)
    p64 = F.softmax(torch.tensor(LOGITS, dtype=torch.float64), dim=0)[LABEL].item()
    assert p64 == pytest.approx(math.exp(exact), rel=1e-12) and p64 > 0
    run = run_snippet("log_sum_exp/cross_entropy.py")
    assert run["tiny32"] == 2.0**-149 and run["tiny64"] == 2.0**-1074  # the smallest subnormals
    assert run["wall32"] == pytest.approx(149 * math.log(2)) and run["wall64"] == pytest.approx(1074 * math.log(2))
    assert run["p64"][LABEL].item() < run["tiny32"]  # far below float32's smallest positive number
    # float64 fails in the same way once the true class lies far enough below the rest:
    z = torch.tensor([0.0, -800.0], dtype=torch.float64)
    assert -torch.log(F.softmax(z, dim=0)[1]).item() == math.inf


def test_the_naive_gradient_overflows_while_the_loss_is_still_finite():
    largest = (2 - 2.0**-23) * 2.0**127
    for gap in (80.0, 88.0):  # p above 1/largest: loss and gradient both finite, the gradient p - y
        z = torch.tensor([gap, 0.0], requires_grad=True)
        (-torch.log(F.softmax(z, dim=0)[1])).backward()
        torch.testing.assert_close(z.grad, torch.tensor([1.0, -1.0]))
    z = torch.tensor([95.0, 0.0], requires_grad=True)
    p = F.softmax(z, dim=0)
    assert 0 < p[1].item() < 1 / largest  # not rounded to 0, but 1/p overflows float32
    loss = -torch.log(p[1])
    assert loss.item() == pytest.approx(95.0, rel=1e-6)  # finite
    loss.backward()
    assert z.grad[0].item() == math.inf and math.isnan(z.grad[1].item())
    run = run_snippet("log_sum_exp/cross_entropy.py")
    assert run["nearer"] == 95.0 and run["overflow_at"] == pytest.approx(math.log(largest))
    assert math.isfinite(run["loss_nearer"].item()) and not torch.isfinite(run["z_nearer"].grad).any()


def test_exp_overflows_in_float32_above_log_of_the_largest_float():
    run = run_snippet("log_sum_exp/cross_entropy.py")
    top = run["overflow_at"]
    assert top == pytest.approx(math.log((2 - 2.0**-23) * 2.0**127))
    assert torch.exp(torch.tensor(top + 0.01)).item() == math.inf
    assert torch.exp(torch.tensor(top - 0.01)).item() < math.inf


def test_log_sum_exp_with_the_largest_logit_subtracted_never_overflows():
    run = run_snippet("log_sum_exp/cross_entropy.py")
    by_hand = run["logsumexp_by_hand"]
    for logits in (LOGITS, [v + 40.0 for v in LOGITS], [1000.0, 1000.0], [-1000.0, -1001.0]):
        top = max(logits)
        exact = top + math.log(sum(math.exp(v - top) for v in logits))
        assert by_hand(torch.tensor(logits)).item() == pytest.approx(exact, rel=1e-6)
        assert torch.logsumexp(torch.tensor(logits), dim=0).item() == pytest.approx(exact, rel=1e-6)
    assert torch.log(torch.exp(torch.tensor([v + 40.0 for v in LOGITS])).sum()).item() == math.inf
    printed = run.outputs["lse"].splitlines()
    assert "naive: inf" in printed[1] and "by hand: 100.0" in printed[1]


def test_log_softmax_and_cross_entropy_stay_finite_and_agree_with_the_exact_loss():
    z = torch.tensor(LOGITS)
    expected = exact_log_softmax(LOGITS)
    torch.testing.assert_close(F.log_softmax(z, dim=0), torch.tensor(expected))
    loss = F.cross_entropy(z.unsqueeze(0), torch.tensor([LABEL]))
    assert loss.item() == pytest.approx(-expected[LABEL], rel=1e-6)
    run = run_snippet("log_sum_exp/cross_entropy.py")
    torch.testing.assert_close(run["log_p"], torch.tensor(expected))
    assert run["stable"].item() == pytest.approx(110.0) and run["loss_ce"].item() == pytest.approx(110.0)


def test_the_derivative_of_log_sum_exp_is_softmax():
    z = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
    torch.logsumexp(z, dim=0).backward()
    exps = [math.exp(v) for v in (0.3, -1.2, 2.0)]
    torch.testing.assert_close(z.grad, torch.tensor([e / sum(exps) for e in exps], dtype=torch.float64))
    run = run_snippet("log_sum_exp/cross_entropy.py")
    assert (
        run.outputs["gradient"].splitlines()[0].split(":")[1] == run.outputs["gradient"].splitlines()[1].split(":")[1]
    )


def test_the_cross_entropy_gradient_is_p_minus_the_one_hot_label():
    run = run_snippet("log_sum_exp/cross_entropy.py")
    top = max(LOGITS)
    exps = [math.exp(v - top) for v in LOGITS]
    expected = [e / sum(exps) - (1.0 if j == LABEL else 0.0) for j, e in enumerate(exps)]
    torch.testing.assert_close(run["z"].grad, torch.tensor(expected))
    torch.testing.assert_close(run["p_minus_y"], torch.tensor(expected, dtype=torch.float64))
    assert torch.isfinite(run["z"].grad).all() and run["z"].grad.abs().max().item() <= 1.0


def test_exercise_equal_logits_give_the_largest_plus_log_two():
    run = run_snippet("log_sum_exp/exercise_equal.py")
    assert run["lse"] == pytest.approx(1000.0 + math.log(2), rel=1e-15)
    assert run["naive"].item() == math.inf  # e^1000 overflows float64 too
    assert math.exp(709.0) < math.inf and math.log(1.7976931348623157e308) < 1000.0


def test_exercise_cross_entropy_applies_log_softmax_to_what_it_is_given():
    logits = [2.0, 0.5, -1.0]
    exps = [math.exp(v) for v in logits]
    probs = [e / sum(exps) for e in exps]
    run = run_snippet("log_sum_exp/exercise_probabilities.py")
    printed = {
        name: float(run.outputs[name].strip().removeprefix("tensor(").removesuffix(")"))
        for name in ("probabilities", "logits", "nll_of_probabilities")
    }
    assert printed["logits"] == pytest.approx(-math.log(probs[0]), abs=5e-5)
    assert printed["probabilities"] == pytest.approx(-exact_log_softmax(probs)[0], abs=5e-5)  # softmax twice
    assert printed["nll_of_probabilities"] == pytest.approx(-probs[0], abs=5e-5)  # minus the label's entry
    assert run["floor"] == pytest.approx(math.log(1 + 2 / math.e), rel=1e-6)  # -log(e / (e + 1 + 1))


def test_exercise_a_batch_mean_divides_each_rows_gradient_by_the_batch_size():
    run = run_snippet("log_sum_exp/exercise_batch.py")
    rows, labels = [LOGITS, [1.0, 2.0, 3.0]], [1, 2]
    for row, label, grad in zip(rows, labels, run["logits"].grad, strict=True):
        top = max(row)
        exps = [math.exp(v - top) for v in row]
        expected = [(e / sum(exps) - (1.0 if j == label else 0.0)) / len(rows) for j, e in enumerate(exps)]
        torch.testing.assert_close(grad, torch.tensor(expected))
    assert run["logits"].grad[1][2].item() == pytest.approx(
        (math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3)) - 1) / 2
    )
    mean = (-exact_log_softmax(rows[0])[1] - exact_log_softmax(rows[1])[2]) / 2
    assert run["loss"].item() == pytest.approx(mean, rel=1e-6)
