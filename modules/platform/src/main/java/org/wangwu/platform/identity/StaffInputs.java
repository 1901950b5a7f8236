package org.wangwu.platform.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the staff account operations. */
public final class StaffInputs {

    private StaffInputs() {
    }

    /** A new staff account; {@code temporaryPassword} (default true) makes the person choose their own. */
    @Schema(description = "A staff account to create")
    public record NewStaff(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}", message = "must be 3-60 lower-case letters, digits, '.', '_' or '-'")
            @Schema(examples = "jiyuan-cadre-wang") String username,
            @NotBlank @Size(max = 100) @Schema(examples = "建国") String firstName,
            @NotBlank @Size(max = 100) @Schema(examples = "王") String lastName,
            @Email @Size(max = 200) String email,
            @NotEmpty @Size(max = 7) Set<@NotNull String> roles,
            @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String township,
            @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String village,
            @NotNull @Size(min = 8, max = 128) String password,
            Boolean temporaryPassword) {

        StaffAccounts.NewAccount account() {
            return new StaffAccounts.NewAccount(username, firstName, lastName, email, roles, township, village, password,
                    temporaryPassword == null || temporaryPassword);
        }
    }

    /** The county roles and reach an account should have from now on (replacing what it had). */
    @Schema(description = "County roles and reach of a staff account")
    public record AccessChange(
            @NotEmpty @Size(max = 7) Set<@NotNull String> roles,
            @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String township,
            @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String village) {

        StaffAccounts.Access access() {
            return new StaffAccounts.Access(roles, township, village);
        }
    }

    /** A password the person must replace at their next sign-in. */
    public record TemporaryPassword(@NotNull @Size(min = 8, max = 128) String password) {
    }
}
