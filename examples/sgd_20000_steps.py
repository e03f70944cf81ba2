# 20 000 steps of SGD on the one-layer network of the PyTorch autograd tutorial (seed 0)
import torch
import torch.nn.functional as F

torch.manual_seed(0)

x = torch.ones(5)
y = torch.zeros(3)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.1)

for i in range(20000):
    optimizer.zero_grad()
    z = torch.matmul(x, w) + b
    loss = F.binary_cross_entropy_with_logits(z, y)
    loss.backward()
    optimizer.step()
    if i % 5000 == 0:
        print(f"step {i}: loss = {loss.item():.6f}")

print(f"final loss = {loss.item():.6f}")
print(w)
print(b)
