package org.wangwu.platform.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.privacy.ChineseIdNumber;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Adds rows to a county's registers: a spreadsheet's worth from CSV, or one from the API, through the
 * same checks. All rows are checked (shape, references to earlier rows or existing records,
 * duplicates) before anything is written; one bad row and nothing changes.
 */
@ApplicationScoped
public class RegisterImport {

    private static final Pattern TOWNSHIP_CODE = Pattern.compile("[0-9]{9}");
    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{12}");
    private static final Pattern LOCAL_CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Map<String, Resident.Gender> GENDER_ALIASES = Map.of("男", Resident.Gender.MALE,
            "女", Resident.Gender.FEMALE, "M", Resident.Gender.MALE, "F", Resident.Gender.FEMALE);
    private static final Map<String, Village.Kind> VILLAGE_ALIASES = Map.of("村", Village.Kind.VILLAGE,
            "社区", Village.Kind.COMMUNITY);
    private static final Map<String, VillagerGroup.Kind> GROUP_ALIASES = Map.of("组", VillagerGroup.Kind.GROUP,
            "网格", VillagerGroup.Kind.GRID);

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    /** The outcome of a successful import. */
    public record ImportResult(
            @Schema(description = "The register added to") RegisterKind kind,
            @Schema(description = "How many records were added", examples = "1") int created,
            @Schema(description = "The new records' ids, in the order of the rows") List<UUID> ids) {
    }

    /**
     * @param numbered whether problems name row numbers (a file) or only fields (one API object)
     */
    public Uni<ImportResult> add(Mutiny.Session session, CountyCode county, Caller caller, RegisterKind kind,
                                 List<Map<String, String>> rows, boolean numbered) {
        if (rows.isEmpty()) {
            throw ProblemException.invalid("The file has no data rows", List.of(Problem.FieldError.field("file", "is empty")));
        }
        if (rows.size() > RegisterKind.MAX_ROWS) {
            throw ProblemException.invalid("At most " + RegisterKind.MAX_ROWS + " rows per file",
                    List.of(Problem.FieldError.field("file", "has " + rows.size() + " rows")));
        }
        return References.load(session, kind, rows).chain(refs -> {
            List<Problem.FieldError> errors = new ArrayList<>();
            List<Object> entities = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < rows.size(); i++) {
                RowReader row = new RowReader(rows.get(i), numbered ? i + 1 : null, errors);
                int before = errors.size();
                Object entity = switch (kind) {
                    case TOWNSHIPS -> township(row, county, refs, now);
                    case VILLAGES -> village(row, county, refs, now);
                    case GROUPS -> group(row, refs, now);
                    case HOUSEHOLDS -> household(row, refs, now);
                    case RESIDENTS -> resident(row, refs, now);
                };
                if (errors.size() == before) {
                    entities.add(entity);
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors.size() + " problem(s) in the " + kind.pathName()
                        + (numbered ? " file; nothing was imported" : ""), errors);
            }
            List<UUID> ids = entities.stream().map(RegisterImport::idOf).toList();
            return session.persistAll(entities.toArray()).chain(session::flush)
                    .chain(() -> audit.record(session, county, caller, "territory." + kind.pathName() + ".added",
                            kind.pathName(), ids.size() == 1 ? ids.get(0) : null,
                            Map.of("count", ids.size(), "source", numbered ? "csv" : "api")))
                    .replaceWith(new ImportResult(kind, ids.size(), ids));
        });
    }

    private Township township(RowReader row, CountyCode county, References refs, Instant now) {
        Township t = new Township();
        t.id = UUID.randomUUID();
        t.code = row.code("code", TOWNSHIP_CODE, "must be a 9-digit township code", true);
        t.nameZh = row.required("name_zh", 100);
        t.nameEn = row.optional("name_en", 200);
        t.createdAt = now;
        if (t.code != null) {
            if (!county.contains(t.code)) {
                row.fail("code", "must start with the county code " + county);
            } else if (refs.townships.putIfAbsent(t.code, t.id) != null) {
                row.fail("code", "township " + t.code + " already exists");
            }
        }
        return t;
    }

    private Village village(RowReader row, CountyCode county, References refs, Instant now) {
        Village v = new Village();
        v.id = UUID.randomUUID();
        v.code = row.code("code", VILLAGE_CODE, "must be a 12-digit village code", true);
        String townshipCode = row.code("township_code", TOWNSHIP_CODE, "must be a 9-digit township code", true);
        v.nameZh = row.required("name_zh", 100);
        v.nameEn = row.optional("name_en", 200);
        v.kind = row.choice("kind", Village.Kind.class, Village.Kind.VILLAGE, VILLAGE_ALIASES);
        v.createdAt = now;
        if (townshipCode != null) {
            v.townshipId = refs.townships.get(townshipCode);
            if (v.townshipId == null) {
                row.fail("township_code", "township " + townshipCode + " does not exist in this county");
            }
        }
        if (v.code != null) {
            if (!county.contains(v.code) || townshipCode != null && !v.code.startsWith(townshipCode)) {
                row.fail("code", "must start with its township's code");
            } else if (refs.villages.putIfAbsent(v.code, v.id) != null) {
                row.fail("code", "village " + v.code + " already exists");
            }
        }
        return v;
    }

    private VillagerGroup group(RowReader row, References refs, Instant now) {
        VillagerGroup g = new VillagerGroup();
        g.id = UUID.randomUUID();
        g.villageId = village(row, refs);
        g.code = row.code("code", LOCAL_CODE, "must be 1-20 letters, digits or dashes", true);
        g.name = row.required("name", 100);
        g.kind = row.choice("kind", VillagerGroup.Kind.class, VillagerGroup.Kind.GROUP, GROUP_ALIASES);
        g.createdAt = now;
        if (g.villageId != null && g.code != null && refs.groups.putIfAbsent(g.villageId + "/" + g.code, g.id) != null) {
            row.fail("code", "group " + g.code + " already exists in this village");
        }
        return g;
    }

    private Household household(RowReader row, References refs, Instant now) {
        Household h = new Household();
        h.id = UUID.randomUUID();
        h.villageId = village(row, refs);
        h.number = row.code("number", LOCAL_CODE, "must be 1-20 letters, digits or dashes", true);
        String groupCode = row.code("group_code", LOCAL_CODE, "must be 1-20 letters, digits or dashes", false);
        h.address = row.optional("address", 300);
        h.createdAt = now;
        if (h.villageId != null && groupCode != null) {
            h.groupId = refs.groups.get(h.villageId + "/" + groupCode);
            if (h.groupId == null) {
                row.fail("group_code", "group " + groupCode + " does not exist in this village");
            }
        }
        if (h.villageId != null && h.number != null
                && refs.households.putIfAbsent(h.villageId + "/" + h.number, h.id) != null) {
            row.fail("number", "household " + h.number + " already exists in this village");
        }
        return h;
    }

    private Resident resident(RowReader row, References refs, Instant now) {
        Resident r = new Resident();
        r.id = UUID.randomUUID();
        r.villageId = village(row, refs);
        String number = row.code("household_number", LOCAL_CODE, "must be 1-20 letters, digits or dashes", true);
        r.name = row.required("name", 50);
        r.gender = row.choice("gender", Resident.Gender.class, null, GENDER_ALIASES);
        r.birthDate = row.date("birth_date");
        r.relation = row.optional("relation", 30);
        r.representative = row.flag("representative");
        r.partyMember = row.flag("party_member");
        r.createdAt = now;
        if (r.villageId != null && number != null) {
            r.householdId = refs.households.get(r.villageId + "/" + number);
            if (r.householdId == null) {
                row.fail("household_number", "household " + number + " does not exist in this village");
            }
        }
        String idNumber = row.optional("id_number", 18);
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase();
            if (!ChineseIdNumber.isValid(idNumber)) {
                row.fail("id_number", "is not a valid 18-character resident ID number");
                idNumber = null;
            }
        }
        String phone = row.optional("phone", 11);
        if (phone != null && !ChineseIdNumber.isMobile(phone)) {
            row.fail("phone", "must be an 11-digit mobile number");
            phone = null;
        }
        r.personalData = protector.protect(idNumber, phone);
        if (idNumber != null && !refs.idDigests.add(r.personalData.idNumberDigest())) {
            row.fail("id_number", "belongs to a resident already registered");
        }
        return r;
    }

    private static UUID village(RowReader row, References refs) {
        String code = row.code("village_code", VILLAGE_CODE, "must be a 12-digit village code", true);
        if (code == null) {
            return null;
        }
        UUID id = refs.villages.get(code);
        if (id == null) {
            row.fail("village_code", "village " + code + " does not exist in this county");
        }
        return id;
    }

    private static UUID idOf(Object entity) {
        if (entity instanceof Township t) {
            return t.id;
        } else if (entity instanceof Village v) {
            return v.id;
        } else if (entity instanceof VillagerGroup g) {
            return g.id;
        } else if (entity instanceof Household h) {
            return h.id;
        }
        return ((Resident) entity).id;
    }

    /**
     * What rows may refer to or clash with: the county's existing records, then each accepted row
     * as it is read, so a file may add a village and its households together.
     */
    static final class References {
        final Map<String, UUID> townships = new HashMap<>();
        final Map<String, UUID> villages = new HashMap<>();
        final Map<String, UUID> groups = new HashMap<>();
        final Map<String, UUID> households = new HashMap<>();
        final Set<String> idDigests = new HashSet<>();

        static Uni<References> load(Mutiny.Session session, RegisterKind kind, List<Map<String, String>> rows) {
            References refs = new References();
            Uni<Void> townships = session.createSelectionQuery("from Township", Township.class).getResultList()
                    .invoke(list -> list.forEach(t -> refs.townships.put(t.code, t.id))).replaceWithVoid();
            Uni<Void> villages = session.createSelectionQuery("from Village", Village.class).getResultList()
                    .invoke(list -> list.forEach(v -> refs.villages.put(v.code, v.id))).replaceWithVoid();
            Uni<Void> chain = kind == RegisterKind.TOWNSHIPS ? townships : townships.chain(() -> villages);
            List<String> villageCodes = rows.stream().map(r -> r.get("village_code")).filter(c -> c != null)
                    .map(String::strip).distinct().toList();
            if (kind == RegisterKind.HOUSEHOLDS || kind == RegisterKind.GROUPS) {
                chain = chain.chain(() -> session.createSelectionQuery(
                                "from VillagerGroup g where g.villageId in (select v.id from Village v where v.code in :codes)",
                                VillagerGroup.class)
                        .setParameter("codes", villageCodes).getResultList()
                        .invoke(list -> list.forEach(g -> refs.groups.put(g.villageId + "/" + g.code, g.id)))
                        .replaceWithVoid());
            }
            if (kind == RegisterKind.HOUSEHOLDS || kind == RegisterKind.RESIDENTS) {
                chain = chain.chain(() -> session.createSelectionQuery(
                                "from Household h where h.villageId in (select v.id from Village v where v.code in :codes)",
                                Household.class)
                        .setParameter("codes", villageCodes).getResultList()
                        .invoke(list -> list.forEach(h -> refs.households.put(h.villageId + "/" + h.number, h.id)))
                        .replaceWithVoid());
            }
            if (kind == RegisterKind.RESIDENTS) {
                chain = chain.chain(() -> session.createSelectionQuery(
                                "select r.personalData.idNumberDigest from Resident r where r.personalData.idNumberDigest is not null", String.class)
                        .getResultList().invoke(refs.idDigests::addAll).replaceWithVoid());
            }
            return chain.replaceWith(refs);
        }
    }

    /** Reads a CSV file (UTF-8, optional BOM, header row) into rows keyed by lower-case column name. */
    public static List<Map<String, String>> parseCsv(String text, RegisterKind kind) {
        return parseCsv(text, "the " + kind.pathName() + " register", kind.required(), kind::knows, RegisterKind.MAX_ROWS);
    }

    /**
     * Reads any CSV sheet a county uploads (a register, a sign-in sheet): UTF-8, optional BOM, a header
     * row naming {@code required} columns and only columns {@code knows} accepts, at most {@code maxRows}.
     */
    public static List<Map<String, String>> parseCsv(String text, String sheet, java.util.Collection<String> required,
                                                     java.util.function.Predicate<String> knows, int maxRows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new java.io.StringReader(body))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase()).toList();
            for (String column : required) {
                if (!header.contains(column)) {
                    errors.add(new Problem.FieldError(0, column, "column is missing from the header"));
                }
            }
            for (String column : header) {
                if (!knows.test(column)) {
                    errors.add(new Problem.FieldError(0, column, "is not a column of " + sheet));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid("The header row does not fit " + sheet, errors);
            }
            for (var record : parser) {
                if (rows.size() > maxRows) {
                    break;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), record.get(i));
                }
                if (record.size() != header.size()) {
                    errors.add(new Problem.FieldError(rows.size() + 1, "row",
                            "has " + record.size() + " values for " + header.size() + " columns"));
                }
                rows.add(row);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("The file is not readable CSV: " + e.getMessage(),
                    List.of(Problem.FieldError.field("file", "is not valid CSV")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() + " row(s) have the wrong number of values; nothing was imported",
                    errors);
        }
        return rows;
    }
}
