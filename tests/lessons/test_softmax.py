"""docs/softmax.md: every number agrees with softmax and its Jacobian worked out in float64 with the math module."""

import itertools
import math
from collections import Counter

import pytest
import torch
import torch.nn.functional as F

from lessonkit import run_snippet
from tests.lessons.figures import figure, node

X = [1.0, 2.0, 3.0]
W = [[0.2, -0.5, 0.3], [0.4, 0.1, -0.2], [0.1, 0.3, 0.2]]
LOGITS = [sum(X[k] * W[k][j] for k in range(3)) for j in range(3)]  # [1.3, 0.6, 0.5]
_TOTAL = sum(math.exp(z) for z in LOGITS)
P = [math.exp(z) / _TOTAL for z in LOGITS]
JACOBIAN = [[P[i] * ((i == j) - P[j]) for j in range(3)] for i in range(3)]


def grad_of_probability(i: int) -> list[float]:
    """d p_i / d x_k = sum over j of W_kj J_ij."""
    return [sum(W[k][j] * JACOBIAN[i][j] for j in range(3)) for k in range(3)]


def as_float32(rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float32)


@pytest.fixture(scope="module")
def classifier():
    return run_snippet("softmax/classifier.py")


def test_logits_and_probabilities(classifier):
    assert pytest.approx([1.3, 0.6, 0.5]) == LOGITS
    torch.testing.assert_close(classifier["logits"].detach(), as_float32(LOGITS))
    torch.testing.assert_close(classifier["probs"].detach(), as_float32(P))
    assert classifier["probs"].sum().item() == pytest.approx(1.0, abs=1e-6)


def test_logit_0_by_hand(classifier):
    assert sum(X[k] * W[k][0] for k in range(3)) == pytest.approx(1.3)
    assert [row[0] for row in classifier["W_ROWS"]] == [0.2, 0.4, 0.1]
    assert classifier["logits"][0].item() == pytest.approx(1.3, rel=1e-6)


def test_prediction_is_class_0(classifier):
    assert classifier["predicted"] == max(range(3), key=P.__getitem__) == 0
    assert classifier["top_prob"].item() == pytest.approx(P[0], rel=1e-6)


def test_jacobian_closed_form_and_autograd(classifier):
    torch.testing.assert_close(classifier["J_closed"], as_float32(JACOBIAN))
    torch.testing.assert_close(classifier["J_autograd"], as_float32(JACOBIAN))
    # The properties the page reads off the formula.
    for i in range(3):
        assert sum(JACOBIAN[i]) == pytest.approx(0.0, abs=1e-15)  # rows: shift invariance
        assert sum(row[i] for row in JACOBIAN) == pytest.approx(0.0, abs=1e-15)  # columns: the p add to 1
        assert JACOBIAN[i][i] > 0
        for j in range(3):
            assert JACOBIAN[i][j] == pytest.approx(JACOBIAN[j][i], abs=1e-15)
            assert i == j or JACOBIAN[i][j] < 0
    assert 0 <= classifier["largest_row_sum"] < 1e-6  # float32 round-off only
    # The two entries the page works out by hand.
    assert classifier["one_minus_p0"].item() == pytest.approx(1 - P[0], rel=1e-6)
    assert JACOBIAN[0][0] == pytest.approx(P[0] * (1 - P[0]))
    assert JACOBIAN[0][1] == pytest.approx(-P[0] * P[1])
    torch.testing.assert_close(classifier["J_closed"][0, :2], as_float32([P[0] * (1 - P[0]), -P[0] * P[1]]))
    assert 0 <= classifier["largest_column_sum"] < 1e-6


def test_shifting_every_logit_changes_no_probability(classifier):
    # The defining property behind zero row sums, checked in float64 with a shift of 100.
    shifted_total = sum(math.exp(z + 100) for z in LOGITS)
    assert [math.exp(z + 100) / shifted_total for z in LOGITS] == pytest.approx(P, rel=1e-12)
    rows = classifier["rows"]
    for name in ("naive, z", "max subtracted, z", "max subtracted, z + 100", "F.softmax, z + 100"):
        torch.testing.assert_close(rows[name], as_float32(P))


def test_f_softmax_does_not_overflow_where_the_formula_does():
    logits = torch.tensor(LOGITS) + 100
    assert torch.isinf(torch.exp(logits)).all()
    naive = torch.exp(logits) / torch.exp(logits).sum()
    assert torch.isnan(naive).all()  # inf / inf
    torch.testing.assert_close(F.softmax(logits, dim=0), as_float32(P))


def test_without_the_max_subtraction_float32_overflows(classifier):
    assert classifier["shift"] == 100.0
    largest = torch.finfo(torch.float32).max  # about 3.4e38 = e^88.72
    assert classifier["overflow_at"] == pytest.approx(math.log(largest), rel=1e-12)
    assert LOGITS[0] + 100 > classifier["overflow_at"] > LOGITS[0]
    assert math.isinf(torch.exp(torch.tensor(LOGITS[0] + 100)).item())
    assert torch.isnan(classifier["rows"]["naive, z + 100"]).all()  # inf / inf


def test_gradient_entry_0_is_a_sum_over_the_logits(classifier):
    entry = sum(W[0][j] * JACOBIAN[0][j] for j in range(3))
    assert entry == pytest.approx(grad_of_probability(0)[0])
    assert classifier["entry_0"].item() == pytest.approx(entry, rel=1e-5)


def test_central_difference_uses_no_torch(classifier):
    value = classifier["p_top"]([1.0, 2.0, 3.0])
    assert type(value) is float
    assert value == pytest.approx(P[0], rel=1e-15)
    assert classifier["slopes"] == pytest.approx(grad_of_probability(0), abs=1e-9)


def test_gradient_of_the_top_probability(classifier):
    expected = as_float32(grad_of_probability(0))
    for name in ("grad_by_hand", "grad_fd", "grad_sympy"):
        torch.testing.assert_close(classifier[name].float(), expected)
    torch.testing.assert_close(classifier["x"].grad, expected)
    # "raising x_1 increases the probability fastest, while raising x_2 decreases it"
    gradient = grad_of_probability(0)
    assert max(range(3), key=gradient.__getitem__) == 1
    assert gradient[2] < 0


def test_float64_checks_are_tighter_than_float32(classifier):
    exact = grad_of_probability(0)
    # A central difference with h = 1e-6 in float64 is good to about 1e-10 here.
    assert classifier["grad_fd"].tolist() == pytest.approx(exact, abs=1e-9)
    # SymPy differentiates the exact formula and rounds only at the end.
    assert classifier["grad_sympy"].tolist() == pytest.approx(exact, rel=1e-12)


def test_exercise_1_gradient_with_respect_to_the_weights():
    run = run_snippet("softmax/weights_gradient.py")
    expected = [[X[k] * JACOBIAN[0][j] for j in range(3)] for k in range(3)]
    torch.testing.assert_close(run["W"].grad, as_float32(expected))
    torch.testing.assert_close(run["grad_W_by_hand"], as_float32(expected))
    # "Only column 0 is positive."
    for k in range(3):
        assert expected[k][0] > 0 and expected[k][1] < 0 and expected[k][2] < 0


def test_exercise_2_cross_entropy():
    run = run_snippet("softmax/cross_entropy.py")
    assert run["loss"].item() == pytest.approx(-math.log(P[1]), rel=1e-6)
    assert run["loss_torch"].item() == pytest.approx(-math.log(P[1]), rel=1e-6)
    dL_dz = [P[j] - (j == 1) for j in range(3)]  # p − e_1
    torch.testing.assert_close(run["dL_dz"], as_float32(dL_dz))
    expected_x = [sum(W[k][j] * dL_dz[j] for j in range(3)) for k in range(3)]
    torch.testing.assert_close(run["grad_by_hand"], as_float32(expected_x))
    torch.testing.assert_close(run["x"].grad, as_float32(expected_x))
    # "The logit of the true class gets the only negative entry."
    assert [entry < 0 for entry in dL_dz] == [False, True, False]


def test_log_of_softmax_in_two_steps_is_infinite_where_cross_entropy_is_not():
    logits = torch.tensor(LOGITS) * 200  # p_1 = e^-140 / ..., below float32's smallest number
    assert F.softmax(logits, dim=0)[1].item() == 0.0
    confident = logits.clone().requires_grad_()
    two_steps = -torch.log(F.softmax(confident, dim=0)[1])
    (grad,) = torch.autograd.grad(two_steps, confident)
    assert math.isinf(two_steps.item()) and torch.isnan(grad).all()
    confident = logits.clone().requires_grad_()
    one_step = F.cross_entropy(confident.unsqueeze(0), torch.tensor([1]))
    (grad,) = torch.autograd.grad(one_step, confident)
    assert one_step.item() == pytest.approx(200 * (LOGITS[0] - LOGITS[1]), rel=1e-6)  # 140
    torch.testing.assert_close(grad, torch.tensor([1.0, -1.0, 0.0]))  # p − y


# --- the figure ---------------------------------------------------------------------------


def test_softmax_graph_is_one_chain_from_x_to_the_top_probability():
    softmax = figure("softmax", "top_probability_graph").data["graph"]
    chain = ["x", "UnsqueezeBackward0", "MmBackward0", "SqueezeBackward4", "AddBackward0", "SoftmaxBackward0"]
    chain += ["SelectBackward0", "top_prob"]
    assert softmax.links() == Counter(itertools.pairwise(chain))
    torch.testing.assert_close(node(softmax, "x").grad, run_snippet("softmax/classifier.py")["x"].grad)
