package ca.gigafibre.automation.testing;

import org.camunda.bpm.engine.RuntimeService;

/**
 * Puts an account's collections case where it waits months later. The case's stages are called processes sharing the
 * customer id as business key, so each move is made in the instance of the stage that holds the activity.
 */
public final class CollectionsStages {

    private CollectionsStages() {
    }

    /** From the negotiation task to the write-off review, after the suspension (the suspension's own instance is cancelled). */
    public static void putAtWriteOffReview(RuntimeService runtime, String customer) {
        runtime.createProcessInstanceModification(stage(runtime, "account-collections-negotiation", customer))
                .cancelAllForActivity("UserTask_NegotiateArrangement").startBeforeActivity("CallActivity_SuspensionStage").execute();
        // the suspension may already be over (the rules decided): whatever the stage waits at gives way to the review
        String suspension = stage(runtime, "account-collections-suspension", customer);
        var move = runtime.createProcessInstanceModification(suspension);
        for (var waiting : runtime.getActivityInstance(suspension).getChildActivityInstances()) {
            move = move.cancelActivityInstance(waiting.getId());
        }
        move.startBeforeActivity("UserTask_ReviewWriteOff").execute();
    }

    private static String stage(RuntimeService runtime, String key, String customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(customer).singleResult().getId();
    }
}
