package ca.gigafibre.automation.voip;

/** A phone line as anyone may see it (no password, no PIN). */
public record VoipLineView(String did, String customerId, String locationId, String callerIdName, String state,
                           boolean e911Synced, boolean voicemailEnabled, String processInstanceId) {
}
