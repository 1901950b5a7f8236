package org.wangwu.platform.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * What is uniform in the published contract, decided once for every module:
 * <ul>
 * <li>operation ids: {@code <resource><Method>} from the resource class and method
 *     ({@code PointsRuleResource.list} is {@code pointsRuleList}), stable as long as the Java names are,
 *     and refused at build time when two collide or one ends in {@code Raw} (the TypeScript client's
 *     suffix for its raw variant);</li>
 * <li>one tag per operation, the module its path belongs to ({@code /counties/{county}/points/...},
 *     {@code /public/counties/{county}/points/...}, province paths are the dashboards'), everything else
 *     the platform's.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    /** The functional modules' path keys and their tags; the order is the document's. */
    static final Map<String, String[]> MODULE_TAGS = new LinkedHashMap<>();
    static {
        MODULE_TAGS.put("platform", new String[] {"Platform",
                "The core every module stands on: counties as tenants, territory (townships, villages, groups,"
                        + " households, residents), module switches and settings, staff accounts, third-party apps,"
                        + " webhooks, audit trail, module jobs and statistics"});
        MODULE_TAGS.put("points", new String[] {"Points",
                "Moral points bank (积分制): rule catalogue, awards, review and disclosure, ledger, love supermarkets"});
        MODULE_TAGS.put("disputes", new String[] {"Disputes",
                "Diversified dispute resolution (矛盾纠纷多元化解): intake, triage, mediation, agreement,"
                        + " judicial confirmation, follow-up"});
        MODULE_TAGS.put("customs", new String[] {"Customs",
                "Customs reform (移风易俗): caps, village covenants, red and white councils, registrations,"
                        + " pledges, red and black lists"});
        MODULE_TAGS.put("consultation", new String[] {"Consultation",
                "Villagers' consultation (村民议事协商, 四议两公开): suggestions, matters, meetings, disclosure,"
                        + " implementation and evaluation"});
        MODULE_TAGS.put("dashboards", new String[] {"Dashboards",
                "Province and county figures from the modules' daily facts (aggregates only), exports"});
    }

    private static final Pattern MODULE_PATH = Pattern.compile(
            "^/api/v1/(?:public/)?counties/\\{county}/([a-z][a-z0-9-]*)(?:/.*)?$");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> ids = new HashMap<>();
        List<String> problems = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String tag = tagOf(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                op.setTags(new ArrayList<>(List.of(tag)));
                String id = readableId(op.getOperationId());
                if (id == null) {
                    problems.add(e.getKey() + " " + path + " has no operation id");
                    continue;
                }
                if (id.endsWith("Raw")) {
                    problems.add(id + " ends in Raw");
                }
                String other = ids.put(id, e.getKey() + " " + path);
                if (other != null) {
                    problems.add(id + " is both " + other + " and " + e.getKey() + " " + path);
                }
                op.setOperationId(id);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Operation ids of the API contract: " + String.join("; ", problems));
        }
        List<Tag> tags = new ArrayList<>();
        for (String[] t : MODULE_TAGS.values()) {
            tags.add(OASFactory.createTag().name(t[0]).description(t[1]));
        }
        openAPI.setTags(tags);
    }

    static String tagOf(String path) {
        if (path.startsWith("/api/v1/provinces/")) {
            return MODULE_TAGS.get("dashboards")[0];
        }
        Matcher m = MODULE_PATH.matcher(path);
        if (m.matches() && MODULE_TAGS.containsKey(m.group(1)) && !m.group(1).equals("platform")) {
            return MODULE_TAGS.get(m.group(1))[0];
        }
        return MODULE_TAGS.get("platform")[0];
    }

    /** {@code AppResource_register} becomes {@code appRegister}; an id already readable stays. */
    static String readableId(String classMethod) {
        if (classMethod == null || classMethod.isBlank()) {
            return null;
        }
        int cut = classMethod.indexOf('_');
        if (cut < 0) {
            return classMethod;
        }
        String type = classMethod.substring(0, cut);
        String method = classMethod.substring(cut + 1);
        if (type.endsWith("Resource")) {
            type = type.substring(0, type.length() - "Resource".length());
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
