# A batch of two 2x3 images: nn.Flatten() (start_dim=1) makes each a row of 6 for a linear layer, and
# a.flatten() (start_dim=0) makes the batch's outputs one vector; each flatten gives its gradient back in its
# input's shape (ReshapeAliasBackward0).
import torch
import torch.nn.functional as F

x = torch.tensor([[[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]], [[-2.0, 1.0, 0.25], [0.75, -1.5, 1.0]]],
                 requires_grad=True)
w = torch.tensor([[0.1, -0.2, 0.3, -0.4, 0.5, -0.6], [0.6, 0.5, -0.4, 0.3, -0.2, 0.1]], requires_grad=True)
b = torch.tensor([0.05, -0.05], requires_grad=True)
flat = torch.nn.Flatten()(x)
h = F.linear(flat, w, b)
a = torch.tanh(h)
v = a.flatten()
sq = v ** 2
loss = sq.sum()
print(loss)
loss.backward()
print(x.grad)
print(w.grad)
print(b.grad)
