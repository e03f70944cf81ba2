# Chain rule: z = sin(x ** 2), dz/dx = cos(x ** 2) * 2x
import torch

x = torch.tensor(4.0, requires_grad=True)
y = x ** 2
z = torch.sin(y)
print(z)
z.backward()
print(x.grad)
