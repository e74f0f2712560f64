package ca.gigafibre.automation.adapter.fake;

import ca.gigafibre.automation.adapter.AdapterProperties;
import ca.gigafibre.automation.adapter.FallbackEndpoints;
import java.util.List;
import java.util.Optional;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One in-process MockServer answering for every external system in {@code shared/contracts/}, each under its
 * own path prefix: {@code http://localhost:<port>/olt}, {@code /pbx}, {@code /e911}, {@code /stripe} ...
 * Started by the demo profile and the tests ({@code automation.fakes.enabled}); never in production.
 */
@Component
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
public class FakeExternalSystems implements DisposableBean, FallbackEndpoints {

    private static final Logger log = LoggerFactory.getLogger(FakeExternalSystems.class);

    private final ClientAndServer server;
    private final FakeE911Provider e911 = new FakeE911Provider();
    private final FakeOltManager olt = new FakeOltManager();
    private final FakePbx pbx = new FakePbx();
    private final FakePaymentProcessors payments = new FakePaymentProcessors();
    private final FakeStripeSetups stripeSetups = new FakeStripeSetups();
    private final FakeGenieAcs genieAcs = new FakeGenieAcs(olt::knows);
    private final FakeErpNext erpNext;
    private final List<FakeSystem> systems;

    /** ERPNext's fake asks for the api key and secret the adapter is configured with, as the real site would. */
    public FakeExternalSystems(FakesSettings fakes, AdapterProperties adapters) {
        Optional<AdapterProperties.Endpoint> erpNextAdapter = Optional.ofNullable(adapters.erpnext());
        this.erpNext = new FakeErpNext(erpNextAdapter.map(AdapterProperties.Endpoint::apiKey).orElse(""),
                erpNextAdapter.map(AdapterProperties.Endpoint::apiSecret).orElse(""));
        this.systems = List.of(olt, pbx, e911, payments, stripeSetups, genieAcs, erpNext, new FakeSupportSystems(), new FakeDocuSeal());
        ConfigurationProperties.logLevel(Level.WARN.name());
        this.server = ClientAndServer.startClientAndServer(fakes.port());
        registerAll();
        log.info("Fake external systems (MockServer) on http://localhost:{}/(olt, pbx, e911, stripe, paysafe, genieacs, erpnext, twilio, docuseal)",
                server.getLocalPort());
    }

    @Override
    public String baseUrl(String system) {
        return "http://localhost:" + server.getLocalPort() + "/" + system;
    }

    /** The stateful ERPNext: enter documents as if typed there, read what the engine posted, make it fail. */
    public FakeErpNext erpNext() {
        return erpNext;
    }

    /** The MockServer itself, for tests that verify calls or add their own expectations. */
    public ClientAndServer server() {
        return server;
    }

    /** Back to the contract's behaviour with empty memories: drops test expectations and recorded calls. */
    public void reset() {
        server.reset();
        systems.forEach(FakeSystem::reset);
        registerAll();
    }

    /**
     * The OLT, the PBX, the 911 provider and GenieACS forget what they hold (the other fakes and test expectations stay):
     * after a demo-data replace they hold exactly what the new data says, not also the old data's ONTs, lines and DIDs.
     */
    public void forgetNetworkAndTelephony() {
        List.of(olt, pbx, e911, genieAcs).forEach(FakeSystem::reset);
    }

    /** As if 24 hours had passed: Stripe no longer knows the idempotency keys it was sent. */
    public void forgetStripeIdempotencyKeys() {
        payments.forgetIdempotencyKeys();
    }

    /** The customer saves a card on this Checkout Session's page: the succeeded SetupIntent, as a webhook event carries it. */
    public String completeStripeSetup(String checkoutSessionId) {
        return stripeSetups.complete(checkoutSessionId);
    }

    /** This Checkout Session's page expired unused: the session, as a {@code checkout.session.expired} event carries it. */
    public String expireStripeSetup(String checkoutSessionId) {
        return stripeSetups.expire(checkoutSessionId);
    }

    /** The bank returns the direct debit with this merchant reference instead of settling it. */
    public void returnDirectDebit(String merchantRefNum, String reason) {
        payments.returnDirectDebit(merchantRefNum, reason);
    }

    /** The bank returns this debit with a Payments Canada return code (901 NSF, 905 account closed, 903 payment stopped …). */
    public void returnDirectDebit(String merchantRefNum, String code, String reason) {
        payments.returnDirectDebit(merchantRefNum, code, reason);
    }

    public void preloadOnt(String serial, String oltId, String port, String customerId, String state) {
        olt.preload(serial, oltId, port, customerId, state);
    }

    /** GenieACS knows a CPE with this serial and WAN MAC (its serial may differ from the ONT's on the OLT). */
    public void preloadCpe(String serial, String mac, int wifiClients) {
        genieAcs.preload(serial, mac, wifiClients);
    }

    /** The PBX already has this line (demo data, tests). */
    public void preloadLine(String did, String callerIdName, String state) {
        pbx.preload(did, callerIdName, state);
    }

    /** The 911 provider already holds this registration (demo data, tests). */
    public void preloadE911(String did, java.util.Map<String, ?> subscriber) {
        e911.preload(did, subscriber);
    }

    @Override
    public void destroy() {
        server.stop();
    }

    private void registerAll() {
        systems.forEach(system -> system.register(server));
    }
}
