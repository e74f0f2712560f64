package ca.gigafibre.automation.voip;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/customers/{id}/voip-lines}. The 911 address defaults to the service location's. The SIP
 * password (generated when absent) and the voicemail PIN are write-only and stored encrypted.
 */
public record NewVoipLine(
        @NotBlank @Pattern(regexp = "^\\d{10}$", message = "must be a 10-digit phone number (DID)") String did,
        @Pattern(regexp = "^LOC-\\d{5,}$", message = "must be a location id such as LOC-00042") String locationId,
        @NotBlank @Size(max = 15, message = "must be at most 15 characters (PBX caller id)") String callerIdName,
        @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String language,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Size(min = 12, max = 64) String sipPassword,
        Boolean voicemailEnabled,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Pattern(regexp = "^\\d{4,8}$", message = "must be 4 to 8 digits") String voicemailPin,
        @Email String voicemailEmail,
        @Pattern(regexp = "^(RES|BUS)$", message = "must be RES or BUS") String serviceClass,
        @Valid Ata ata,
        @Valid E911AddressInput e911Address) {

    public record Ata(@NotBlank String model,
                      @NotBlank @Pattern(regexp = "^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$", message = "must be a MAC address such as 00:0B:82:12:34:56")
                      String mac) {

        /** {@code 00:0B:82:12:34:56} whatever separators were typed. */
        public String normalisedMac() {
            String hex = mac.replaceAll("[^0-9A-Fa-f]", "").toUpperCase();
            return String.join(":", hex.split("(?<=\\G..)"));
        }
    }

    /** The same line at another service location (the one a service order is for). */
    public NewVoipLine atLocation(String location) {
        return new NewVoipLine(did, location, callerIdName, language, sipPassword, voicemailEnabled, voicemailPin, voicemailEmail,
                serviceClass, ata, e911Address);
    }

    @Override
    public String toString() {
        return "NewVoipLine[" + did + ", " + callerIdName + ", sipPassword ***, voicemailPin ***]";
    }
}
