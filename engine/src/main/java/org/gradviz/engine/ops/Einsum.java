package org.gradviz.engine.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.einsum(equation, *operands)} as torch 1.13's ATen einsum builds it, from recorded ops, so the graph
 * is torch's: each operand's repeated labels become diagonals, missing labels unsqueezed dimensions and the whole a
 * permutation into one order (output labels, then the ellipsis when summed, then the summed labels); operands are
 * then contracted left to right by {@link #sumProductPair} (permute, reshape, bmm, view, permute), dimensions only
 * one operand still has summed first, and what remains summed (one operand) or viewed away (several).
 */
public final class Einsum {
    private static final int LETTERS = 26;
    private static final int LABELS = 2 * LETTERS;
    /** The code of {@code ...} among the labels. */
    private static final int ELLIPSIS = LABELS;

    private Einsum() {
    }

    public static Tensor einsum(String equation, List<Tensor> operands) {
        if (operands.isEmpty()) {
            throw TorchException.runtime("einsum(): must provide at least one operand");
        }
        int numOps = operands.size();
        int arrow = equation.indexOf("->");
        String lhs = arrow < 0 ? equation : equation.substring(0, arrow);
        List<List<Integer>> opLabels = parseOperands(lhs, numOps);

        int[] labelCount = new int[LABELS];
        int ellNumDim = 0;
        for (int i = 0; i < numOps; i++) {
            int ndims = operands.get(i).dim();
            int nlabels = opLabels.get(i).size();
            boolean hasEllipsis = false;
            for (int label : opLabels.get(i)) {
                if (label == ELLIPSIS) {
                    nlabels--;
                    hasEllipsis = true;
                    ellNumDim = Math.max(ellNumDim, ndims - nlabels);
                } else {
                    labelCount[label]++;
                }
            }
            if (hasEllipsis ? nlabels > ndims : nlabels != ndims) {
                throw TorchException.runtime("einsum(): the number of subscripts in the equation (" + nlabels
                        + (hasEllipsis ? ") is more than the number of dimensions (" : ") does not match the number "
                        + "of dimensions (") + ndims + ") for operand " + i
                        + (hasEllipsis ? "" : " and no ellipsis was given"));
            }
        }

        // each label's index in the common order: output labels (and ellipsis), then the contracted ones
        int[] labelPermIndex = new int[LABELS];
        Arrays.fill(labelPermIndex, -1);
        int permIndex = 0;
        int ellIndex = 0;
        boolean ellInOutput = false;
        if (arrow < 0) {
            // NOTE: the implicit output is the ellipsis, then the labels seen once, in alphabetical order (A-Z, a-z)
            permIndex = ellNumDim;
            ellInOutput = true;
            for (int label = 0; label < LABELS; label++) {
                if (labelCount[label] == 1) {
                    labelPermIndex[label] = permIndex++;
                }
            }
        } else {
            String rhs = equation.substring(arrow + 2);
            for (int i = 0; i < rhs.length(); i++) {
                char c = rhs.charAt(i);
                if (c == ' ') {
                    continue;
                }
                if (c == '.') {
                    if (ellInOutput) {
                        throw TorchException.runtime("einsum(): found '.' for output but an ellipsis (...) was already "
                                + "found");
                    }
                    if (!(i + 2 < rhs.length() && rhs.charAt(++i) == '.' && rhs.charAt(++i) == '.')) {
                        throw TorchException.runtime("einsum(): found '.' for output that is not part of any ellipsis "
                                + "(...)");
                    }
                    ellIndex = permIndex;
                    permIndex += ellNumDim;
                    ellInOutput = true;
                    continue;
                }
                if (!isLetter(c)) {
                    throw TorchException.runtime("einsum(): invalid subscript given at index " + (lhs.length() + 2 + i)
                            + " in the equation string, subscripts must be in [a-zA-Z]");
                }
                int index = subscript(c);
                if (!(labelCount[index] > 0 && labelPermIndex[index] == -1)) {
                    throw TorchException.runtime("einsum(): output subscript " + c + (labelPermIndex[index] > -1
                            ? " appears more than once in the output"
                            : " does not appear in the equation for any input operand"));
                }
                labelPermIndex[index] = permIndex++;
            }
        }
        int outNumDim = permIndex;
        if (!ellInOutput) {
            ellIndex = permIndex;
            permIndex += ellNumDim;
        }
        for (int label = 0; label < LABELS; label++) {
            if (labelCount[label] > 0 && labelPermIndex[label] == -1) {
                labelPermIndex[label] = permIndex++;
            }
        }

        // align every operand to the common order: diagonals for repeated labels, size-1 dims for missing ones
        int[] labelSize = new int[LABELS];
        Arrays.fill(labelSize, 1);
        int[] ellSizes = new int[ellNumDim];
        Arrays.fill(ellSizes, 1);
        int[] dimCounts = new int[permIndex];
        Deque<Tensor> ops = new ArrayDeque<>();
        for (int i = 0; i < numOps; i++) {
            Tensor op = operands.get(i);
            long[] permutation = new long[permIndex];
            Arrays.fill(permutation, -1);
            int dim = 0;
            for (int s : opLabels.get(i)) {
                if (s == ELLIPSIS) {
                    int ndim = operands.get(i).dim() - (opLabels.get(i).size() - 1);
                    for (int j = ellNumDim - ndim; j < ellNumDim; j++) {
                        int size = op.shape().dim(dim);
                        if (size != 1) {
                            if (ellSizes[j] != 1 && ellSizes[j] != size) {
                                throw TorchException.runtime("einsum(): dimension " + dim + " covered by ellipsis in "
                                        + "operand " + i + "has size " + size + " which does not broadcast with "
                                        + "previously seen ellipsis with size " + ellSizes[j]
                                        + " for the respective dimension");
                            }
                            ellSizes[j] = size;
                            dimCounts[ellIndex + j]++;
                        }
                        permutation[ellIndex + j] = dim++;
                    }
                } else if (permutation[labelPermIndex[s]] == -1) {
                    int size = op.shape().dim(dim);
                    if (size != 1) {
                        if (labelSize[s] != 1 && labelSize[s] != size) {
                            throw TorchException.runtime("einsum(): subscript " + label(s) + " has size " + size
                                    + " for operand " + i + " which does not broadcast with previously seen size "
                                    + labelSize[s]);
                        }
                        labelSize[s] = size;
                        dimCounts[labelPermIndex[s]]++;
                    }
                    permutation[labelPermIndex[s]] = dim++;
                } else {
                    int prevDim = (int) permutation[labelPermIndex[s]];
                    if (op.shape().dim(dim) != op.shape().dim(prevDim)) {
                        throw TorchException.runtime("einsum(): subscript " + label(s) + " is repeated for operand "
                                + i + " but the sizes don't match, " + op.shape().dim(dim) + " != "
                                + op.shape().dim(prevDim));
                    }
                    Tensor diagonal = Indexing.diagonal(op, 0, prevDim, dim);
                    op = Views.permute(diagonal, lastMovedTo(diagonal.dim() - 1, prevDim));
                }
            }
            for (int k = 0; k < permutation.length; k++) {
                if (permutation[k] == -1) {
                    op = LinearAlgebra.unsqueeze(op, dim);
                    permutation[k] = dim++;
                }
            }
            ops.addLast(Views.permute(op, permutation));
        }

        // contract left to right
        while (ops.size() > 1) {
            Tensor a = ops.pollFirst();
            Tensor b = ops.pollFirst();
            List<Integer> sumDims = new ArrayList<>();
            List<Integer> aDimsToSum = new ArrayList<>();
            List<Integer> bDimsToSum = new ArrayList<>();
            for (int d = outNumDim; d < permIndex; d++) {
                if (a.shape().dim(d) != 1 && b.shape().dim(d) != 1) {
                    if (--dimCounts[d] == 1) {
                        sumDims.add(d);
                        dimCounts[d] = 0;
                    }
                } else if (dimCounts[d] == 1) {
                    if (a.shape().dim(d) != 1) {
                        aDimsToSum.add(d);
                        dimCounts[d] = 0;
                    } else if (b.shape().dim(d) != 1) {
                        bDimsToSum.add(d);
                        dimCounts[d] = 0;
                    }
                }
            }
            if (!aDimsToSum.isEmpty()) {
                a = Reductions.sum(a, ints(aDimsToSum), true);
            }
            if (!bDimsToSum.isEmpty()) {
                b = Reductions.sum(b, ints(bDimsToSum), true);
            }
            ops.addFirst(sumProductPair(a, b, ints(sumDims)));
        }

        // sum out (one operand) or view away (several, already summed to size 1) the contracted dimensions
        Tensor result = ops.getFirst();
        if (permIndex - outNumDim > 0) {
            if (numOps > 1) {
                return Views.view(result, Shape.of(Arrays.copyOf(result.shape().dims(), outNumDim)));
            }
            int[] sumDims = new int[permIndex - outNumDim];
            for (int k = 0; k < sumDims.length; k++) {
                sumDims[k] = outNumDim + k;
            }
            return Reductions.sum(result, sumDims, false);
        }
        return result;
    }

    /** The labels of each operand (ELLIPSIS for {@code ...}), with torch's errors for a malformed left side. */
    private static List<List<Integer>> parseOperands(String lhs, int numOps) {
        List<List<Integer>> opLabels = new ArrayList<>();
        for (int i = 0; i < numOps; i++) {
            opLabels.add(new ArrayList<>());
        }
        boolean ellInInput = false;
        int currOp = 0;
        for (int i = 0; i < lhs.length(); i++) {
            char c = lhs.charAt(i);
            switch (c) {
                case ' ' -> { }
                case '.' -> {
                    if (ellInInput) {
                        throw TorchException.runtime("einsum(): found '.' for operand " + currOp
                                + " for which an ellipsis was already found");
                    }
                    if (!(i + 2 < lhs.length() && lhs.charAt(++i) == '.' && lhs.charAt(++i) == '.')) {
                        throw TorchException.runtime("einsum(): found '.' for operand " + currOp
                                + " that is not part of any ellipsis");
                    }
                    opLabels.get(currOp).add(ELLIPSIS);
                    ellInInput = true;
                }
                case ',' -> {
                    currOp++;
                    if (currOp >= numOps) {
                        throw TorchException.runtime("einsum(): fewer operands were provided than specified in the "
                                + "equation");
                    }
                    ellInInput = false;
                }
                default -> {
                    if (!isLetter(c)) {
                        throw TorchException.runtime("einsum(): invalid subscript given at index " + i
                                + " in the equation string, subscripts must be in [a-zA-Z]");
                    }
                    opLabels.get(currOp).add(subscript(c));
                }
            }
        }
        if (currOp != numOps - 1) {
            throw TorchException.runtime("einsum(): more operands were provided than specified in the equation");
        }
        return opLabels;
    }

    /**
     * torch's sumproduct_pair: {@code (left * right).sum(sumDims, keepdim=True)} for operands of one rank, as one
     * bmm of the dimensions in both (batch), only left, the summed ones and only right, permuted and reshaped so.
     */
    static Tensor sumProductPair(Tensor left, Tensor right, int[] sumDims) {
        if (sumDims.length == 0) {
            return Arithmetic.mul(left, right);
        }
        int dim = left.dim();
        boolean[] summed = new boolean[dim];
        for (int d : sumDims) {
            summed[d] = true;
        }
        List<Integer> lro = new ArrayList<>();
        List<Integer> lo = new ArrayList<>();
        List<Integer> ro = new ArrayList<>();
        int lroSize = 1;
        int loSize = 1;
        int roSize = 1;
        int sumSize = 1;
        for (int i = 0; i < dim; i++) {
            boolean sl = left.shape().dim(i) != 1;
            boolean sr = right.shape().dim(i) != 1;
            if (summed[i]) {
                if (sl && sr) {
                    if (left.shape().dim(i) != right.shape().dim(i)) {
                        throw TorchException.runtime("non-broadcast dimensions must match");
                    }
                    sumSize *= left.shape().dim(i);
                } else if (sl) {
                    left = Reductions.sum(left, new int[] {i}, true);
                } else if (sr) {
                    right = Reductions.sum(right, new int[] {i}, true);
                }
            } else if (sl && sr) {
                if (left.shape().dim(i) != right.shape().dim(i)) {
                    throw TorchException.runtime("non-broadcast dimensions must match");
                }
                lro.add(i);
                lroSize *= left.shape().dim(i);
            } else if (sl) {
                lo.add(i);
                loSize *= left.shape().dim(i);
            } else {
                ro.add(i);
                roSize *= right.shape().dim(i);
            }
        }
        List<Integer> outSize = new ArrayList<>();
        List<Integer> lperm = new ArrayList<>(lro);
        List<Integer> rperm = new ArrayList<>(lro);
        for (int d : lro) {
            outSize.add(left.shape().dim(d));
        }
        for (int d : lo) {
            outSize.add(left.shape().dim(d));
        }
        for (int d : sumDims) {
            outSize.add(1);
        }
        for (int d : ro) {
            outSize.add(right.shape().dim(d));
        }
        lperm.addAll(lo);
        lperm.addAll(boxed(sumDims));
        lperm.addAll(ro);
        rperm.addAll(boxed(sumDims));
        rperm.addAll(ro);
        rperm.addAll(lo);
        long[] operm = new long[outSize.size()];
        int k = 0;
        for (List<Integer> group : List.of(lro, lo, boxed(sumDims), ro)) {
            for (int d : group) {
                operm[d] = k++;
            }
        }
        Tensor l = Views.reshape(Views.permute(left, longs(lperm)), Shape.of(lroSize, loSize, sumSize));
        Tensor r = Views.reshape(Views.permute(right, longs(rperm)), Shape.of(lroSize, sumSize, roSize));
        Tensor product = BatchedProducts.bmm(l, r);
        return Views.permute(Views.view(product, Shape.of(outSize)), operm);
    }

    /** movedim(-1, to) of a tensor whose last dimension is {@code last}: the permutation it is. */
    private static long[] lastMovedTo(int last, int to) {
        long[] order = new long[last + 1];
        for (int d = 0, src = 0; d <= last; d++) {
            order[d] = d == to ? last : src++;
        }
        return order;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int subscript(char c) {
        return Character.isUpperCase(c) ? c - 'A' : c - 'a' + LETTERS;
    }

    private static char label(int s) {
        return (char) (s < LETTERS ? s + 'A' : s + 'a' - LETTERS);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static long[] longs(List<Integer> values) {
        return values.stream().mapToLong(Integer::longValue).toArray();
    }
}
