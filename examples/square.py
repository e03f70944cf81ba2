# y = x ** 2 at x = 4: dy/dx = 2x = 8
import torch

x = torch.tensor(4.0, requires_grad=True)
y = x ** 2
print(y)
y.backward()
print(x.grad)
