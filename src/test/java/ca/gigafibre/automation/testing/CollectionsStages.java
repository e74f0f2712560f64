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
        runtime.createProcessInstanceModification(stage(runtime, "account-collections-suspension", customer))
                .cancelAllForActivity("CallActivity_Suspension").startBeforeActivity("UserTask_ReviewWriteOff").execute();
    }

    private static String stage(RuntimeService runtime, String key, String customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(customer).singleResult().getId();
    }
}
