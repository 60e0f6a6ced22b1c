package io.cleave.report;

/**
 * One macro-action of a prompt's trajectory tree as the report draws it.
 *
 * @param id           node id, unique within the prompt group
 * @param parent       parent node id, -1 for a first macro-action
 * @param text         the node's decoded tokens
 * @param advantage    mean advantage over the node's policy tokens in every trajectory through it (the calibrated
 *                     advantage, constant over the node under hard attribution); NaN when the node has no policy
 *                     tokens (a tool result)
 * @param policyTokens number of tokens the policy produced in the node
 * @param tokens       number of tokens in the node
 * @param reward       mean reward of the trajectories that end at this node; NaN when none does
 * @param trajectories number of trajectories that pass through the node
 */
public record MacroActionNode(int id, int parent, String text, double advantage, int policyTokens, int tokens,
        double reward, int trajectories) {

    /** Whether some trajectory ends here. */
    public boolean isLeaf() {
        return !Double.isNaN(reward);
    }
}
