# The one-layer network of the PyTorch autograd tutorial, made deterministic with manual_seed(0).
# Same network as one-layer-bce.json: its "seed": 0 seeds one generator that w, then b, draw from.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.ones(5)
y = torch.zeros(3)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w) + b
loss = F.binary_cross_entropy_with_logits(z, y)
print(loss)
loss.backward()
print(w.grad)
print(b.grad)
