package ca.gigafibre.automation.adapter;

/**
 * Where an adapter's calls go when {@code automation.adapters.<name>.base-url} is not set: the demo's in-process fake
 * external systems ({@code adapter.fake.FakeExternalSystems}) implement it. The production build has no implementation,
 * so there every base URL must be configured.
 */
public interface FallbackEndpoints {

    /** The base URL that answers for this external system ({@code olt}, {@code pbx}, {@code stripe} …). */
    String baseUrl(String system);
}
