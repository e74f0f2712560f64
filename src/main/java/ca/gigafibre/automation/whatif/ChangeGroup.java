package ca.gigafibre.automation.whatif;

/** The accounts whose decision of one kind goes the same way, counted, with the sentence people read. */
public record ChangeGroup(String kind, String before, String after, String direction, int accounts, int commercial, String fr, String en) {
}
