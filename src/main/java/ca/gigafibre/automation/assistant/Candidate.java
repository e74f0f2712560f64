package ca.gigafibre.automation.assistant;

/** A customer the sentence may mean, for the user to pick. */
public record Candidate(String id, String name, String address, String phone) {
}
