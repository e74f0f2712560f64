package ca.gigafibre.automation.demo;

/** Published after a synthetic load commits, so fakes can be brought in line with the new data. */
public record DemoDataLoaded(DemoDataReport report) {
}
