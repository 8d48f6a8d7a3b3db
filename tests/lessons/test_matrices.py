"""docs/matrices.md: every product, gradient and shape agrees with a derivation done here, entry by entry in float64."""

import pytest
import torch

from lessonkit import run_snippet

A = [[2.0, 0.0, 1.0], [1.0, 3.0, -1.0]]
X_VEC = [1.0, 2.0, 3.0]
V = [1.0, -1.0]


def matvec(matrix, vector):
    return [sum(a * x for a, x in zip(row, vector, strict=True)) for row in matrix]


def transpose(matrix):
    return [list(column) for column in zip(*matrix, strict=True)]


def matmul(left, right):
    return [matvec(transpose(right), row) for row in left]


def tensor(values):
    return torch.tensor(values, dtype=torch.float32)


# --- the matrix-vector product, the transpose and the outer product ---------------------


def test_matrix_vector_product_is_each_row_dotted_with_x():
    run = run_snippet("matrices/product.py")
    expected = matvec(A, X_VEC)  # [2 + 0 + 3, 1 + 6 - 3]
    assert expected == [5.0, 4.0]
    torch.testing.assert_close(run["y"], tensor(expected))
    assert run["rows"] == expected
    assert tuple(run["y"].shape) == (2,)


def test_matrix_times_a_vector_of_the_wrong_length_raises():
    with pytest.raises(RuntimeError, match=r"size mismatch, got input \(2\), mat \(2x3\), vec \(2\)"):
        tensor(A) @ tensor([1.0, 2.0])
    assert "RuntimeError: size mismatch" in run_snippet("matrices/product.py").outputs["matvec"]


def test_transpose_swaps_rows_and_columns():
    run = run_snippet("matrices/product.py")
    torch.testing.assert_close(run["A"].T.detach(), tensor(transpose(A)))
    assert tuple(run["A"].T.shape) == (3, 2)


def test_outer_product_entry_is_v_i_times_x_j():
    run = run_snippet("matrices/product.py")
    expected = [[vi * xj for xj in X_VEC] for vi in V]
    torch.testing.assert_close(run["outer"], tensor(expected))
    assert tuple(run["outer"].shape) == (2, 3)


# --- the gradient of v · (A x) ---------------------------------------------------------------


def test_gradient_of_v_dot_ax_is_a_transpose_v_and_the_outer_product():
    run = run_snippet("matrices/product.py")
    # s = Σ_i v_i Σ_j A_ij x_j, differentiated term by term.
    ds_dx = [sum(V[i] * A[i][j] for i in range(2)) for j in range(3)]
    ds_da = [[V[i] * X_VEC[j] for j in range(3)] for i in range(2)]
    assert ds_dx == [1.0, -3.0, 2.0]
    assert run["s"].item() == pytest.approx(sum(v * y for v, y in zip(V, matvec(A, X_VEC), strict=True)))
    torch.testing.assert_close(run["grad_x_by_hand"], tensor(ds_dx))
    torch.testing.assert_close(run["x"].grad, tensor(ds_dx))
    torch.testing.assert_close(run["A"].grad, tensor(ds_da))


def test_each_gradient_has_the_shape_of_its_tensor():
    run = run_snippet("matrices/product.py")
    assert run["x"].grad.shape == run["x"].shape == (3,)
    assert run["A"].grad.shape == run["A"].shape == (2, 3)


def test_jacobian_of_ax_is_a_and_not_diagonal():
    run = run_snippet("matrices/product.py")
    torch.testing.assert_close(run["J"], tensor(A))
    assert run["J"][0, 2].item() != 0 and run["J"][1, 0].item() != 0  # entries off the diagonal
    # vᵀJ, computed from the Jacobian, is the gradient autograd stored.
    torch.testing.assert_close(tensor(V) @ run["J"], run["x"].grad)


# --- the batched linear layer ---------------------------------------------------------------

X = [[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]]
W = [[1.0, -1.0, 2.0], [0.0, 1.0, 1.0]]
B_BIAS = [1.0, -1.0]
T = [[2.0, 0.0], [1.0, 1.0], [4.0, 1.0], [2.0, 0.0]]


def layer_by_hand():
    return [[sum(X[k][j] * W[i][j] for j in range(3)) + B_BIAS[i] for i in range(2)] for k in range(4)]


def test_layer_output_is_each_example_through_w_plus_b():
    run = run_snippet("matrices/layer.py")
    expected = layer_by_hand()  # Y_ki = Σ_j X_kj W_ij + b_i
    torch.testing.assert_close(run["Y"].detach(), tensor(expected))
    assert (run["B"], run["n_in"], run["n_out"]) == (4, 3, 2)
    assert tuple(run["Y"].shape) == (4, 2)


def test_nn_linear_stores_its_weight_as_n_out_by_n_in():
    run = run_snippet("matrices/layer.py")
    assert tuple(run["layer"].weight.shape) == (2, 3) and tuple(run["layer"].bias.shape) == (2,)
    with torch.random.fork_rng():
        layer = torch.nn.Linear(3, 2)
    assert tuple(layer.weight.shape) == (2, 3)


def test_nn_linear_computes_x_times_w_transposed_plus_b():
    with torch.random.fork_rng():
        layer = torch.nn.Linear(3, 2)
    with torch.no_grad():
        layer.weight.copy_(tensor(W))
        layer.bias.copy_(tensor(B_BIAS))
        torch.testing.assert_close(layer(tensor(X)), tensor(layer_by_hand()))


def test_a_meta_layer_draws_no_random_numbers():
    state = torch.get_rng_state()
    layer = torch.nn.Linear(3, 2, device="meta")
    assert torch.equal(state, torch.get_rng_state())
    assert layer.weight.is_meta


def test_layer_backward_by_hand_matches_autograd():
    run = run_snippet("matrices/layer.py")
    Y = layer_by_hand()
    G = [[2 * (Y[k][i] - T[k][i]) for i in range(2)] for k in range(4)]
    loss = sum((Y[k][i] - T[k][i]) ** 2 for k in range(4) for i in range(2))
    dW = [[sum(G[k][i] * X[k][j] for k in range(4)) for j in range(3)] for i in range(2)]
    dX = [[sum(G[k][i] * W[i][j] for i in range(2)) for j in range(3)] for k in range(4)]
    db = [sum(G[k][i] for k in range(4)) for i in range(2)]
    assert run["L"].item() == pytest.approx(loss)
    for name, expected in [("G", G), ("dW", dW), ("dX", dX), ("db", db)]:
        torch.testing.assert_close(run[name], tensor(expected), msg=name)
    torch.testing.assert_close(run["W"].grad, tensor(dW))
    torch.testing.assert_close(run["X"].grad, tensor(dX))
    torch.testing.assert_close(run["b"].grad, tensor(db))
    # dW is the sum over the batch of one outer product g_k x_kᵀ per example.
    outers = sum(torch.outer(tensor(G[k]), tensor(X[k])) for k in range(4))
    torch.testing.assert_close(run["W"].grad, outers)


def test_hand_computation_under_no_grad_records_no_graph():
    run = run_snippet("matrices/layer.py")
    assert run["Y"].grad_fn is not None  # Y was recorded ...
    assert all(run[name].grad_fn is None and not run[name].requires_grad for name in ("G", "dW", "dX", "db"))
    assert "grad_fn" in run.outputs["forward"] and "grad_fn" not in run.outputs["backward"]
    # ... and the same arithmetic outside no_grad would have been recorded.
    assert (2 * (run["Y"] - run["T"])).grad_fn is not None


def test_only_one_arrangement_has_the_shape_when_the_sizes_differ_but_not_when_two_are_equal():
    B, n_in, n_out = 4, 3, 2
    X, G = torch.ones(B, n_in), torch.ones(B, n_out)
    arrangements = {"G.T @ X": G.T @ X, "X.T @ G": X.T @ G}
    assert [name for name, product in arrangements.items() if product.shape == (n_out, n_in)] == ["G.T @ X"]
    # With n_in = n_out, X.T @ G has W's shape too, and it is the transpose of the gradient G.T @ X.
    X = torch.tensor([[1.0, 2.0, 0.0], [0.0, 1.0, 1.0], [2.0, 0.0, 1.0], [1.0, 1.0, 1.0]])
    G = torch.tensor([[1.0, 0.0, 2.0], [0.0, 3.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 1.0]])
    assert (X.T @ G).shape == (G.T @ X).shape == (3, 3)
    assert not torch.equal(X.T @ G, G.T @ X)
    torch.testing.assert_close(X.T @ G, (G.T @ X).T)


def test_broadcast_result_takes_the_size_that_is_not_one_even_when_it_is_zero():
    assert torch.broadcast_shapes((0, 3), (1, 3)) == (0, 3)  # the size that is not 1, not the larger one
    assert (torch.zeros(0, 3) + torch.zeros(1, 3)).shape == (0, 3)


# --- broadcasting ---------------------------------------------------------------------------


def test_broadcasting_lines_shapes_up_from_the_right():
    run = run_snippet("matrices/broadcast.py")
    assert torch.broadcast_shapes((4, 2), (2,)) == (4, 2)
    assert torch.broadcast_shapes((4, 1), (1, 3)) == (4, 3)
    assert torch.broadcast_shapes((4, 1), (4,)) == (4, 4)
    expected = [[k + 10.0 * j for j in range(3)] for k in range(4)]
    torch.testing.assert_close(run["table"], tensor(expected))
    torch.testing.assert_close(run["Y"] + run["b"], tensor([[1.0, -1.0]] * 4))


def test_shapes_4_2_and_4_do_not_broadcast():
    with pytest.raises(RuntimeError, match=r"size of tensor a \(2\) must match the size of tensor b \(4\)"):
        torch.zeros(4, 2) + torch.zeros(4)
    with pytest.raises(RuntimeError):
        torch.broadcast_shapes((4, 2), (4,))
    assert "RuntimeError: The size of tensor a" in run_snippet("matrices/broadcast.py").outputs["rule"]


def test_unsqueeze_inserts_and_squeeze_removes_a_size_one_axis():
    run = run_snippet("matrices/broadcast.py")
    assert tuple(run["column"].shape) == (4, 1) and tuple(run["row"].shape) == (1, 3)
    assert tuple(run["column"].squeeze(1).shape) == (4,)
    assert tuple(torch.zeros(4).unsqueeze(0).shape) == (1, 4)


def test_column_times_row_is_the_outer_product():
    run = run_snippet("matrices/broadcast.py")
    column, row = run["column"].squeeze(1).tolist(), run["row"].squeeze(0).tolist()
    torch.testing.assert_close(run["column"] * run["row"], tensor([[c * r for r in row] for c in column]))


def test_gradient_of_a_broadcast_row_is_the_sum_over_the_rows():
    run = run_snippet("matrices/broadcast.py")
    G = run["G"].tolist()
    expected = [sum(G[k][j] for k in range(4)) for j in range(3)]  # ∂L/∂r_j = Σ_k G_kj
    assert expected == [5.0, 4.0, 1.0]
    torch.testing.assert_close(run["r"].grad, tensor(expected))
    assert run["r"].grad.shape == run["r"].shape


def test_explicit_copies_get_the_same_gradient_as_broadcasting():
    run = run_snippet("matrices/broadcast.py")
    torch.testing.assert_close(run["copies"].grad, run["r"].grad)


# --- reshaping and joining -------------------------------------------------------------------


def test_reshape_reads_numbers_in_row_order_and_refuses_a_wrong_count():
    run = run_snippet("matrices/tools.py")
    assert run["t"].reshape(2, 3).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert run["t"].reshape(3, 2).tolist() == [[0, 1], [2, 3], [4, 5]]
    assert tuple(run["t"].reshape(-1, 2).shape) == (3, 2)
    with pytest.raises(RuntimeError, match=r"shape '\[4, 2\]' is invalid for input of size 6"):
        run["t"].reshape(4, 2)


def test_repeat_interleave_repeats_each_entry_next_to_itself():
    run = run_snippet("matrices/tools.py")
    assert run["classes"].repeat_interleave(3).tolist() == [0, 0, 0, 1, 1, 1]
    assert run["centres"].repeat_interleave(2, dim=0).tolist() == [[0, 0], [0, 0], [3, 3], [3, 3]]


def test_cat_joins_along_dim_0_by_default_and_side_by_side_with_dim_1():
    run = run_snippet("matrices/tools.py")
    assert torch.cat([torch.zeros(2), torch.ones(3)]).tolist() == [0, 0, 1, 1, 1]
    points = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
    torch.testing.assert_close(run["with_product"], tensor([[a, b, a * b] for a, b in points]))
    assert tuple(run["product"].shape) == (3, 1)


# --- exercises ------------------------------------------------------------------------------


def test_exercise_1_gradient_is_a_transpose_v():
    run = run_snippet("matrices/exercise_vjp.py")
    a, v = [[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]], [2.0, 1.0, -1.0]
    expected = [sum(v[i] * a[i][j] for i in range(3)) for j in range(2)]
    assert expected == [-1.0, 2.0]
    assert run["grad_by_hand"] == pytest.approx(expected)
    torch.testing.assert_close(run["x"].grad, tensor(expected))


def test_exercise_2_a_column_minus_a_vector_broadcasts_to_every_pair():
    run = run_snippet("matrices/exercise_shapes.py")
    predictions, targets = [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 5.0]
    every_pair = sum((p - t) ** 2 for p in predictions for t in targets) / 16
    own_target = sum((p - t) ** 2 for p, t in zip(predictions, targets, strict=True)) / 4
    assert (every_pair, own_target) == (3.5, 0.25)
    difference = run["predictions"] - run["targets"]
    assert tuple(difference.shape) == (4, 4)
    assert (difference**2).mean().item() == pytest.approx(every_pair)
    assert run["fixed_loss"].item() == pytest.approx(own_target)
    assert run.outputs["as_written"] == f"shape: (4, 4)  loss: {every_pair}\n"


def test_exercise_2_choices_print_different_outputs():
    outputs = run_snippet("matrices/exercise_shapes.py").outputs
    choices = [outputs[name] for name in ("as_written", "squeezed", "unsqueezed")]
    assert len(set(choices)) == 3
    assert "(4,)" in outputs["squeezed"] and "(4, 1)" in outputs["unsqueezed"]


def test_exercise_3_column_gradient_is_the_row_sums_keeping_size_one():
    run = run_snippet("matrices/exercise_column.py")
    g = [[1.0, 2.0], [3.0, -1.0], [0.0, 4.0]]
    row_sums = [[sum(row)] for row in g]
    assert row_sums == [[3.0], [2.0], [4.0]]
    torch.testing.assert_close(run["c"].grad, tensor(row_sums))
    torch.testing.assert_close(run["c_full"].grad, tensor(g))  # stretched nowhere
    torch.testing.assert_close(run["c_row"].grad, tensor([sum(column) for column in zip(*g, strict=True)]))


def test_exercise_3_choices_print_different_outputs():
    outputs = run_snippet("matrices/exercise_column.py").outputs
    assert len({outputs["column"], outputs["full"], outputs["row"]}) == 3
