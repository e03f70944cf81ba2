package org.gradviz.engine.optim;

import java.util.List;
import org.gradviz.engine.Tensor;

/**
 * What Adam, AdamW, Adamax, NAdam and RAdam share: the two betas of their running averages, which a schedule may
 * change between steps (OneCycleLR cycles {@code betas[0]} as its momentum). Their element steps are {@link Moments}.
 */
public abstract class AdamFamily extends Optimizer {
    /** The betas the next step uses; read by the subclasses' updates (this package only). */
    double beta1;
    double beta2;

    AdamFamily(List<Tensor> params, double lr, double beta1, double beta2) {
        super(params, lr);
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    /** Sets the betas the next step uses, as assigning {@code param_groups[i]["betas"]} does. */
    public void setBetas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
    }
}
