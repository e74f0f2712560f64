package ca.gigafibre.automation.adapter.fake;

import org.mockserver.integration.ClientAndServer;

/** One external system faked at the HTTP level under its own path prefix ({@code /olt}, {@code /pbx} ...). */
interface FakeSystem {

    /** The adapter name (as in {@code automation.adapters.<name>}) and path prefix. */
    String name();

    void register(ClientAndServer server);

    /** Forget what calls have stored. */
    default void reset() {
    }
}
