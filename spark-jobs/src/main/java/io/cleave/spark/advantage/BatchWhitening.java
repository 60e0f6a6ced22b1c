package io.cleave.spark.advantage;

import io.cleave.algo.advantage.TokenMoments;
import io.cleave.algo.advantage.TokenWhitening;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The batch step of an estimator that whitens over the batch, as one Spark aggregate: the
 * {@link TokenMoments} of every row's group values over its policy tokens, summed exactly (so the result does not
 * depend on partitioning or merge order), then the batch's {@link TokenWhitening}.
 */
final class BatchWhitening extends Aggregator<ScoredTrajectoryRow, TokenMoments, TokenWhitening> {

    private static final long serialVersionUID = 1L;

    @Override
    public TokenMoments zero() {
        return TokenMoments.ZERO;
    }

    @Override
    public TokenMoments reduce(TokenMoments moments, ScoredTrajectoryRow row) {
        return moments.plus(TokenMoments.of(row.getValues(), row.getPolicyMask()));
    }

    @Override
    public TokenMoments merge(TokenMoments a, TokenMoments b) {
        return a.plus(b);
    }

    @Override
    public TokenWhitening finish(TokenMoments moments) {
        return TokenWhitening.of(moments);
    }

    @Override
    public Encoder<TokenMoments> bufferEncoder() {
        return Encoders.javaSerialization(TokenMoments.class);
    }

    @Override
    public Encoder<TokenWhitening> outputEncoder() {
        return Encoders.javaSerialization(TokenWhitening.class);
    }
}
