package io.cleave.algo.recipe;

import io.cleave.algo.advantage.AdvantageEstimator;
import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.filter.OverlongShaping;
import io.cleave.algo.loss.PolicyLossConfig;
import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.branch.BranchPolicy;
import io.cleave.rollout.segment.Segmenter;
import io.cleave.rollout.segment.SegmenterParams;
import io.cleave.rollout.segment.Segmenters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every algorithm knob of a training run, validated on construction; error messages name the key (as listed in
 * {@link AlgorithmConfigKeys}) and the allowed values or range.
 *
 * @param segmenter                {@code segmenter}: a {@link Segmenters} name
 * @param segmenterParams          {@code segmenter.*}: marker tools and entropy cut rules
 * @param branchPolicy             {@code branch}: a {@link BranchPolicies} name
 * @param branch                   {@code branch.*}: N, M, Z, alpha, beta, tau, k, rule
 * @param estimator                {@code estimator}: an {@link AdvantageEstimators} name
 * @param epsLow                   {@code loss.eps-low}, in (0, 1)
 * @param epsHigh                  {@code loss.eps-high}, in (0, 1)
 * @param dualClip                 {@code loss.dual-clip}: 0 (off) or &gt; 1
 * @param aggregation              {@code loss.aggregation}: a loss aggregation name
 * @param entropyCoef              {@code loss.entropy-coef}, &gt;= 0
 * @param klCoef                   {@code kl.coef}, &gt;= 0 (0 = no KL)
 * @param klEstimator              {@code kl.estimator}: {@code k1} or {@code k3} in the loss; {@code k1} in the reward
 * @param klPlacement              {@code kl.placement}: {@code loss} or {@code reward} (reward needs the
 *                                 {@code reinforce++} estimator)
 * @param dynamicSampling          {@code dynamic-sampling}: keep only groups whose rewards differ
 * @param dynamicSamplingMaxRounds {@code dynamic-sampling.max-rounds}, &gt;= 1
 * @param overlongMaxLength        {@code overlong.max-length}: Lmax, 0 = no overlong shaping
 * @param overlongBuffer           {@code overlong.buffer}: Lbuf, in [1, Lmax] when shaping is on
 * @param ppoEpochs                {@code train.ppo-epochs}: passes over each batch, &gt;= 1
 * @param minibatches              {@code train.minibatches}: optimizer steps per pass, &gt;= 1
 */
public record AlgorithmConfig(String segmenter, SegmenterParams segmenterParams, String branchPolicy,
                              BranchParams branch, String estimator, double epsLow, double epsHigh, double dualClip,
                              String aggregation, double entropyCoef, double klCoef, String klEstimator,
                              String klPlacement, boolean dynamicSampling, int dynamicSamplingMaxRounds,
                              int overlongMaxLength, int overlongBuffer, int ppoEpochs, int minibatches) {

    /** Names accepted by {@code kl.placement}. */
    public static final List<String> KL_PLACEMENTS = List.of("loss", "reward");

    /**
     * The defaults every recipe starts from: sequence segmentation, no branching ({@link BranchParams#defaults()}
     * for the branch knobs), GRPO advantages, {@link PolicyLossConfig#defaults()} for the loss (clip 0.2/0.2,
     * token-mean, no KL, no entropy bonus), KL placed in the loss when turned on, no dynamic sampling (10 rounds
     * when turned on), no overlong shaping, one PPO epoch of one minibatch.
     */
    public static AlgorithmConfig defaults() {
        PolicyLossConfig loss = PolicyLossConfig.defaults();
        return new AlgorithmConfig("sequence", SegmenterParams.defaults(), "none", BranchParams.defaults(), "grpo",
                loss.epsLow(), loss.epsHigh(), loss.dualClip(), loss.aggregation(), loss.entropyCoef(),
                loss.klCoef(), loss.klEstimator(), "loss", false, 10, 0, 0, 1, 1);
    }

    /** Validates every field. */
    public AlgorithmConfig {
        requireName("segmenter", segmenter, Segmenters.names());
        Objects.requireNonNull(segmenterParams, "segmenterParams");
        requireName("branch", branchPolicy, BranchPolicies.names());
        Objects.requireNonNull(branch, "branch");
        requireName("estimator", estimator, AdvantageEstimators.names());
        new PolicyLossConfig(epsLow, epsHigh, dualClip, aggregation, klCoef, klEstimator, entropyCoef);
        requireName("kl.placement", klPlacement, KL_PLACEMENTS);
        if (klPlacement.equals("reward") && klCoef > 0 && !estimator.equals("reinforce++")) {
            throw new IllegalArgumentException("kl.placement = reward needs estimator reinforce++ (the only one with "
                    + "per-token rewards), got estimator " + estimator + "; use kl.placement = loss");
        }
        if (klPlacement.equals("reward") && klCoef > 0 && !klEstimator.equals("k1")) {
            throw new IllegalArgumentException("kl.estimator must be k1 when kl.placement = reward (the token reward "
                    + "is -kl.coef * (logp_old - logp_ref)), got " + klEstimator);
        }
        if (dynamicSamplingMaxRounds < 1) {
            throw new IllegalArgumentException("dynamic-sampling.max-rounds must be >= 1, got "
                    + dynamicSamplingMaxRounds);
        }
        if (overlongMaxLength < 0) {
            throw new IllegalArgumentException("overlong.max-length must be 0 (off) or >= 1, got "
                    + overlongMaxLength);
        }
        if (overlongMaxLength > 0) {
            new OverlongShaping(overlongMaxLength, overlongBuffer);
        }
        if (ppoEpochs < 1) {
            throw new IllegalArgumentException("train.ppo-epochs must be >= 1, got " + ppoEpochs);
        }
        if (minibatches < 1) {
            throw new IllegalArgumentException("train.minibatches must be >= 1, got " + minibatches);
        }
    }

    /**
     * A copy with one knob changed; the key may be kebab, camelCase or snake_case (see
     * {@link AlgorithmConfigKeys}).
     */
    public AlgorithmConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** A copy with several knobs changed at once (validated together, so order does not matter). */
    public AlgorithmConfig with(Map<String, String> overrides) {
        Map<String, String> values = toMap();
        overrides.forEach((key, value) -> values.put(AlgorithmConfigKeys.canonical(key), value));
        return AlgorithmConfigKeys.fromMap(values);
    }

    /** Every knob as canonical key to text, in {@link AlgorithmConfigKeys#KEYS} order. */
    public Map<String, String> toMap() {
        return AlgorithmConfigKeys.toMap(this);
    }

    /** The configured segmenter. */
    public Segmenter newSegmenter() {
        return Segmenters.create(segmenter, segmenterParams);
    }

    /** The configured branch policy. */
    public BranchPolicy newBranchPolicy() {
        return BranchPolicies.create(branchPolicy, branch);
    }

    /** The configured advantage estimator. */
    public AdvantageEstimator newEstimator() {
        return AdvantageEstimators.get(estimator);
    }

    /** The loss settings; the KL coefficient is 0 there when the KL is placed in the reward. */
    public PolicyLossConfig lossConfig() {
        return new PolicyLossConfig(epsLow, epsHigh, dualClip, aggregation,
                klPlacement.equals("loss") ? klCoef : 0, klEstimator, entropyCoef);
    }

    /** The KL coefficient folded into the reward (for {@code reinforce++}); 0 when the KL is in the loss. */
    public double rewardKlCoef() {
        return klPlacement.equals("reward") ? klCoef : 0;
    }

    /** The overlong shaping, when {@code overlong.max-length} is not 0. */
    public Optional<OverlongShaping> overlongShaping() {
        return overlongMaxLength == 0 ? Optional.empty()
                : Optional.of(new OverlongShaping(overlongMaxLength, overlongBuffer));
    }

    private static void requireName(String key, String value, List<String> known) {
        if (value == null || !known.contains(value)) {
            throw new IllegalArgumentException(key + " must be one of " + known + ", got '" + value + "'");
        }
    }
}
