package org.wangwu.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.module.SettingChoice;

/**
 * Protects sensitive personal information at rest (PIPL): ID numbers and phones are stored
 * AES-256-GCM encrypted, with a keyed digest for uniqueness and lookup, and shown masked.
 */
@ApplicationScoped
public class PersonalDataProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec digestKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(@ConfigProperty(name = "wangwu.personal-data.encryption-key") String encryptionKey,
                                 @ConfigProperty(name = "wangwu.personal-data.digest-key") String digestKey) {
        byte[] key = Base64.getDecoder().decode(encryptionKey);
        if (key.length != 32) {
            throw new IllegalStateException("wangwu.personal-data.encryption-key must be 32 bytes, base64");
        }
        this.encryptionKey = new SecretKeySpec(key, "AES");
        this.digestKey = new SecretKeySpec(Base64.getDecoder().decode(digestKey), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key or altered data", e);
        }
    }

    /** A keyed digest: equal inputs give equal digests, but the digest alone reveals nothing. */
    public String digest(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Digest failed", e);
        }
    }

    /** The one way an ID number and a phone (either may be null) are put at rest, wherever a person is recorded. */
    public ProtectedPersonalData protect(String idNumber, String phone) {
        return new ProtectedPersonalData(encrypt(idNumber), digest(idNumber), maskIdNumber(idNumber), encrypt(phone),
                maskPhone(phone));
    }

    /** The unmasked ID number (null if none); callers audit the read. */
    public String idNumber(ProtectedPersonalData stored) {
        return decrypt(ProtectedPersonalData.orNone(stored).idNumberCipher());
    }

    /** The unmasked phone (null if none); callers audit the read. */
    public String phone(ProtectedPersonalData stored) {
        return decrypt(ProtectedPersonalData.orNone(stored).phoneCipher());
    }

    /** 410102199001011234 becomes 4101**********1234, the form DOMAIN.md asks for in lists. */
    public static String maskIdNumber(String idNumber) {
        return idNumber == null ? null : idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8)
                + idNumber.substring(idNumber.length() - 4);
    }

    /** How a county lets public notices show names: the choices of every module's name-display setting. */
    public static final List<SettingChoice> NAME_DISPLAY_CHOICES = List.of(
            SettingChoice.of("FULL", "全名（王建国）", "Full name (王建国)"),
            SettingChoice.of("SURNAME_STAR", "姓加星号（王*）", "Surname and a star (王*)"));

    /** A name as a public notice may show it: in full, or the surname and a star (王*), as the county allows. */
    public static String publicName(String name, boolean fullName) {
        if (name == null || name.isEmpty() || fullName) {
            return name;
        }
        return name.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "*";
    }

    /** 13812345678 becomes 138****5678. */
    public static String maskPhone(String phone) {
        return phone == null ? null : phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
