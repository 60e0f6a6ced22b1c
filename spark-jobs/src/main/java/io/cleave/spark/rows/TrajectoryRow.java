package io.cleave.spark.rows;

import java.io.Serializable;

/**
 * One trajectory of a prompt group as a Spark row: a Java bean for {@code Encoders.bean(TrajectoryRow.class)}.
 *
 * <p>Schema (Spark bean encoders order the columns by name; the names are the constants below):
 * <pre>
 *   iteration     int             training iteration that produced the trajectory
 *   promptId      string          prompt group id, unique within an iteration
 *   sampleIndex   int             index of the trajectory within its group, 0..n-1
 *   parentSample  int             sample this one was branched from, -1 if independent
 *   branchPos     int             number of leading tokens shared with the parent sample (0 if independent)
 *   tokens        array&lt;int&gt;      generated token ids (prompt excluded), (L)
 *   policyMask    array&lt;boolean&gt;  true where the policy produced the token, false on tool-result tokens, (L)
 *   tokenText     array&lt;string&gt;   decoded text of each token, (L)
 *   entropy       array&lt;float&gt;    policy entropy at each token (0 on tool-result tokens), (L)
 *   tokenNode     array&lt;int&gt;      tree node (macro-action) id of each token, (L)
 *   path          array&lt;int&gt;      node ids from the first macro-action to the last, (K)
 *   nodeParents   array&lt;int&gt;      parent node id of each node on the path, -1 for the first, (K)
 *   reward        double          the trajectory's scalar reward
 *   oldLogp       array&lt;float&gt;    log-probs of the sampling policy, (L), or null
 *   refLogp       array&lt;float&gt;    log-probs of the reference policy, (L), or null
 * </pre>
 * {@link TrajectoryRows} converts a whole group to and from {@link io.cleave.rollout.tree.TrajectoryTree}.
 */
public class TrajectoryRow implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Column name of {@link #getIteration()}. */
    public static final String ITERATION = "iteration";
    /** Column name of {@link #getPromptId()}. */
    public static final String PROMPT_ID = "promptId";
    /** Column name of {@link #getSampleIndex()}. */
    public static final String SAMPLE_INDEX = "sampleIndex";
    /** Column name of {@link #getParentSample()}. */
    public static final String PARENT_SAMPLE = "parentSample";
    /** Column name of {@link #getBranchPos()}. */
    public static final String BRANCH_POS = "branchPos";
    /** Column name of {@link #getTokens()}. */
    public static final String TOKENS = "tokens";
    /** Column name of {@link #getPolicyMask()}. */
    public static final String POLICY_MASK = "policyMask";
    /** Column name of {@link #getTokenText()}. */
    public static final String TOKEN_TEXT = "tokenText";
    /** Column name of {@link #getEntropy()}. */
    public static final String ENTROPY = "entropy";
    /** Column name of {@link #getTokenNode()}. */
    public static final String TOKEN_NODE = "tokenNode";
    /** Column name of {@link #getPath()}. */
    public static final String PATH = "path";
    /** Column name of {@link #getNodeParents()}. */
    public static final String NODE_PARENTS = "nodeParents";
    /** Column name of {@link #getReward()}. */
    public static final String REWARD = "reward";
    /** Column name of {@link #getOldLogp()}. */
    public static final String OLD_LOGP = "oldLogp";
    /** Column name of {@link #getRefLogp()}. */
    public static final String REF_LOGP = "refLogp";

    private int iteration;
    private String promptId;
    private int sampleIndex;
    private int parentSample = -1;
    private int branchPos;
    private int[] tokens;
    private boolean[] policyMask;
    private String[] tokenText;
    private float[] entropy;
    private int[] tokenNode;
    private int[] path;
    private int[] nodeParents;
    private double reward;
    private float[] oldLogp;
    private float[] refLogp;

    /** An empty row for Spark's bean encoder; {@link TrajectoryRows#fromTree} fills complete ones. */
    public TrajectoryRow() {
    }

    /** Training iteration that produced the trajectory. */
    public int getIteration() {
        return iteration;
    }

    /** Sets {@link #getIteration()}. */
    public void setIteration(int iteration) {
        this.iteration = iteration;
    }

    /** Prompt group id, unique within an iteration. */
    public String getPromptId() {
        return promptId;
    }

    /** Sets {@link #getPromptId()}. */
    public void setPromptId(String promptId) {
        this.promptId = promptId;
    }

    /** Index of the trajectory within its group, 0..n-1. */
    public int getSampleIndex() {
        return sampleIndex;
    }

    /** Sets {@link #getSampleIndex()}. */
    public void setSampleIndex(int sampleIndex) {
        this.sampleIndex = sampleIndex;
    }

    /** Sample this one was branched from, -1 if independent. */
    public int getParentSample() {
        return parentSample;
    }

    /** Sets {@link #getParentSample()}. */
    public void setParentSample(int parentSample) {
        this.parentSample = parentSample;
    }

    /** Number of leading tokens shared with the parent sample (0 if independent). */
    public int getBranchPos() {
        return branchPos;
    }

    /** Sets {@link #getBranchPos()}. */
    public void setBranchPos(int branchPos) {
        this.branchPos = branchPos;
    }

    /** Generated token ids, {@code (L)}. */
    public int[] getTokens() {
        return tokens;
    }

    /** Sets {@link #getTokens()}. */
    public void setTokens(int[] tokens) {
        this.tokens = tokens;
    }

    /** {@code true} where the policy produced the token, {@code (L)}. */
    public boolean[] getPolicyMask() {
        return policyMask;
    }

    /** Sets {@link #getPolicyMask()}. */
    public void setPolicyMask(boolean[] policyMask) {
        this.policyMask = policyMask;
    }

    /** Decoded text of each token, {@code (L)}. */
    public String[] getTokenText() {
        return tokenText;
    }

    /** Sets {@link #getTokenText()}. */
    public void setTokenText(String[] tokenText) {
        this.tokenText = tokenText;
    }

    /** Policy entropy at each token, {@code (L)}. */
    public float[] getEntropy() {
        return entropy;
    }

    /** Sets {@link #getEntropy()}. */
    public void setEntropy(float[] entropy) {
        this.entropy = entropy;
    }

    /** Tree node id of each token, {@code (L)}. */
    public int[] getTokenNode() {
        return tokenNode;
    }

    /** Sets {@link #getTokenNode()}. */
    public void setTokenNode(int[] tokenNode) {
        this.tokenNode = tokenNode;
    }

    /** Node ids from the first macro-action to the last, {@code (K)}. */
    public int[] getPath() {
        return path;
    }

    /** Sets {@link #getPath()}. */
    public void setPath(int[] path) {
        this.path = path;
    }

    /** Parent node id of each node on the path (-1 for the first), {@code (K)}. */
    public int[] getNodeParents() {
        return nodeParents;
    }

    /** Sets {@link #getNodeParents()}. */
    public void setNodeParents(int[] nodeParents) {
        this.nodeParents = nodeParents;
    }

    /** The trajectory's scalar reward. */
    public double getReward() {
        return reward;
    }

    /** Sets {@link #getReward()}. */
    public void setReward(double reward) {
        this.reward = reward;
    }

    /** Log-probs of the sampling policy, {@code (L)}, or null. */
    public float[] getOldLogp() {
        return oldLogp;
    }

    /** Sets {@link #getOldLogp()}. */
    public void setOldLogp(float[] oldLogp) {
        this.oldLogp = oldLogp;
    }

    /** Log-probs of the reference policy, {@code (L)}, or null. */
    public float[] getRefLogp() {
        return refLogp;
    }

    /** Sets {@link #getRefLogp()}. */
    public void setRefLogp(float[] refLogp) {
        this.refLogp = refLogp;
    }

    /** {@code iteration/promptId/sampleIndex}, for messages. */
    @Override
    public String toString() {
        return "trajectory " + iteration + "/" + promptId + "/" + sampleIndex;
    }
}
