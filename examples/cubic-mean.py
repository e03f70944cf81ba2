# Gradient of a mean over a vector: y = mean(x^3 + 3x^2 - 4x + 5), dy/dx_i = (3 x_i^2 + 6 x_i - 4) / 3
import torch

x = torch.tensor([3.8, 6.7, 8.9], requires_grad=True)
cube = x ** 3
square = x ** 2
three_square = square * 3
four_x = x * 4
s1 = cube + three_square
s2 = s1 - four_x
s3 = s2 + 5
y = s3.mean()
print(y)
y.backward()
print(x.grad)
