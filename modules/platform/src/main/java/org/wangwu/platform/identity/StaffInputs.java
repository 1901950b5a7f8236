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

    /** Keycloak usernames the platform creates: lower case, as Keycloak stores them anyway. */
    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";
    static final String USERNAME_RULE = "must be 3-60 lower-case letters, digits, '.', '_' or '-'";

    private StaffInputs() {
    }

    /** A new staff account; {@code temporaryPassword} (default true) makes the person choose their own. */
    @Schema(description = "A staff account to create")
    public record NewStaff(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) @Schema(description = "The staff member's username", examples = "jiyuan-cadre-wang") String username,
            @NotBlank @Size(max = 100) @Schema(description = "Given name", examples = "建国") String firstName,
            @NotBlank @Size(max = 100) @Schema(description = "Family name", examples = "王") String lastName,
            @Schema(description = "Email address", examples = "wang.jianguo@jiyuan.example.gov.cn") @Email @Size(max = 200) String email,
            @Schema(description = "County roles: county-admin, township-official, village-cadre, mediator, grid-worker, supermarket-clerk") @NotEmpty @Size(max = 7) Set<@NotNull String> roles,
            @Schema(description = "Reach: a township of the register (9 digits)", examples = "419001100") @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String township,
            @Schema(description = "Reach: a village of the register (12 digits)", examples = "419001100201") @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String village,
            @Schema(description = "The first password", examples = "Chushi#2026") @NotNull @Size(min = 8, max = 128) String password,
            @Schema(description = "true: the person must choose a new password at first sign-in", examples = "true") Boolean temporaryPassword) {

        StaffAccounts.NewAccount account() {
            return new StaffAccounts.NewAccount(username, firstName, lastName, email, roles, township, village, password,
                    temporaryPassword == null || temporaryPassword);
        }
    }

    /** The county roles and reach an account should have from now on (replacing what it had). */
    @Schema(description = "County roles and reach of a staff account")
    public record AccessChange(
            @Schema(description = "The county roles the account has from now on") @NotEmpty @Size(max = 7) Set<@NotNull String> roles,
            @Schema(description = "The township the account reaches (9 digits), if its reach is a township", examples = "419001100") @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String township,
            @Schema(description = "The village the account reaches (12 digits), if its reach is a village", examples = "419001100201") @Pattern(regexp = "[0-9]{12}", message = "must be a 12-digit village code") String village) {

        StaffAccounts.Access access() {
            return new StaffAccounts.Access(roles, township, village);
        }
    }

    /** A county's first administrator; {@code temporaryPassword} (default true) makes them choose their own. */
    @Schema(description = "A county administrator account to create")
    public record NewAdministrator(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) @Schema(description = "The administrator's username", examples = "dongtai-admin") String username,
            @Schema(description = "Given name", examples = "海燕") @NotBlank @Size(max = 100) String firstName,
            @Schema(description = "Family name", examples = "陈") @NotBlank @Size(max = 100) String lastName,
            @Schema(description = "Email address", examples = "admin@dongtai.example.gov.cn") @Email @Size(max = 200) String email,
            @Schema(description = "The first password", examples = "Chushi#2026") @NotNull @Size(min = 8, max = 128) String password,
            @Schema(description = "true: the person must choose a new password at first sign-in", examples = "true") Boolean temporaryPassword) {

        StaffAccounts.NewAccount account() {
            return new StaffAccounts.NewAccount(username, firstName, lastName, email,
                    Set.of(Role.COUNTY_ADMIN.realmRole()), null, null, password, temporaryPassword == null || temporaryPassword);
        }
    }

    /** A password the person must replace at their next sign-in. */
    public record TemporaryPassword(
            @Schema(description = "The temporary password; the person must replace it at sign-in", examples = "Linshi#2026") @NotNull @Size(min = 8, max = 128) String password) {
    }
}
