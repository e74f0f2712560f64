package ca.gigafibre.automation.adapter.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code automation.notify.sms-from}, {@code email-from}: who customers' text messages ({@link SmsNotifier}, a Twilio number)
 * and e-mail ({@link EmailNotifier}) come from. The notification window beside them ({@code window-*}) is
 * {@code platform.time.NotificationWindowSettings}'. Not validated: production leaves {@code sms-from} empty until the ISP
 * has its number ({@code SMS_FROM}), and Twilio refuses such a text itself.
 */
@ConfigurationProperties("automation.notify")
public record NotifySettings(@DefaultValue("+15555550100") String smsFrom,
                             @DefaultValue("TARGO <facturation@gigafibre.ca>") String emailFrom) {
}
