# Two-layer perceptron: linear, tanh, linear, mean squared error. The document's "seed": 0 is
# torch.manual_seed(0), and its randn initialisers draw in document order: w1, b1, w2.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
y = torch.tensor([[1.0], [-1.0]])
w1 = torch.randn(4, 3, requires_grad=True)
b1 = torch.randn(4, requires_grad=True)
w2 = torch.randn(1, 4, requires_grad=True)
b2 = torch.full((1,), 0.0, requires_grad=True)
h = F.linear(x, w1, b1)
a = torch.tanh(h)
out = F.linear(a, w2, b2)
loss = F.mse_loss(out, y)
print(loss)
loss.backward()
print(w1.grad)
print(b1.grad)
print(w2.grad)
print(b2.grad)
