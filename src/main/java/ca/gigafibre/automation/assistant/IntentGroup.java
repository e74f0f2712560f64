package ca.gigafibre.automation.assistant;

import java.util.List;

/** The intents of one business capability (collections, support, VoIP, sales, accounts). */
public interface IntentGroup {

    List<IntentHandler> handlers();
}
