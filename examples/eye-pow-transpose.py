# Tensor gradients and Jacobian products: out is a matrix, so backward takes a gradient (ones here)
import torch

inp = torch.eye(4, 5, requires_grad=True)
shifted = inp + 1
squared = shifted.pow(2)
out = squared.t()
print(out)
out.backward(torch.ones_like(out))
print(inp.grad)
