package org.wangwu.platform.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A person's ID number and phone as they are kept at rest (PIPL), wherever a person is recorded (the
 * register's residents, a dispute's parties): each encrypted, the ID number with a keyed digest for
 * lookup and uniqueness, both with the masked form lists show. Made only by {@link PersonalDataProtector};
 * a row with neither is loaded as {@code null}, which {@link #orNone} reads as empty.
 */
@Embeddable
public class ProtectedPersonalData {

    private static final ProtectedPersonalData NONE = new ProtectedPersonalData();

    @Column(name = "id_number_cipher")
    private String idNumberCipher;

    @Column(name = "id_number_digest")
    private String idNumberDigest;

    @Column(name = "id_number_masked")
    private String idNumberMasked;

    @Column(name = "phone_cipher")
    private String phoneCipher;

    @Column(name = "phone_masked")
    private String phoneMasked;

    protected ProtectedPersonalData() {
    }

    ProtectedPersonalData(String idNumberCipher, String idNumberDigest, String idNumberMasked, String phoneCipher,
                          String phoneMasked) {
        this.idNumberCipher = idNumberCipher;
        this.idNumberDigest = idNumberDigest;
        this.idNumberMasked = idNumberMasked;
        this.phoneCipher = phoneCipher;
        this.phoneMasked = phoneMasked;
    }

    /** The value as stored, or an empty one for a person recorded with neither. */
    public static ProtectedPersonalData orNone(ProtectedPersonalData stored) {
        return stored == null ? NONE : stored;
    }

    /** 4101**********1234, or null. */
    public String maskedIdNumber() {
        return idNumberMasked;
    }

    /** 138****5678, or null. */
    public String maskedPhone() {
        return phoneMasked;
    }

    /** The keyed digest of the ID number: equal numbers, equal digests; or null. */
    public String idNumberDigest() {
        return idNumberDigest;
    }

    String idNumberCipher() {
        return idNumberCipher;
    }

    String phoneCipher() {
        return phoneCipher;
    }
}
