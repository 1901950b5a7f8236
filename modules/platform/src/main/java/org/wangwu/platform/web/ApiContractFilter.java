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
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
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
 *     the platform's;</li>
 * <li>the RFC 9457 problem document ({@code Problem}, {@code application/problem+json}) on every error answer
 *     the platform's gate and mappers can give: 400 (unreadable or invalid input), 401 and 403 (token, role,
 *     reach, county, app registry), 404 (county, switched-off module, record), 409 and 422 on writes
 *     (state and duplicates, domain refusals), 413 on bodies, 429 (an app over its rate limit, with
 *     {@code Retry-After}), 503 (database or Keycloak out of reach, with {@code Retry-After});</li>
 * <li>the {@code Location} header on every 201 answer (a create; {@link CreatedLocation} sets it);</li>
 * <li>the description and example of the parameters every county path shares ({@code county}, paging, ...).</li>
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
                addErrors(path, e.getKey(), op);
                addLocation(op);
                describeParameters(op.getParameters());
            }
            describeParameters(item.getParameters());
        });
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        openAPI.getComponents().addSchema(FIELD_ERROR, fieldErrorSchema());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Operation ids of the API contract: " + String.join("; ", problems));
        }
        List<Tag> tags = new ArrayList<>();
        for (String[] t : MODULE_TAGS.values()) {
            tags.add(OASFactory.createTag().name(t[0]).description(t[1]));
        }
        openAPI.setTags(tags);
    }

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private static final Map<String, String> ERRORS = new LinkedHashMap<>();
    static {
        ERRORS.put("400", "The request is malformed or invalid: unreadable JSON, a value of the wrong type, a"
                + " parameter or field that fails its rules (`errors[]` names each field)");
        ERRORS.put("401", "No bearer token, or one that is expired or not issued by the platform's Keycloak realm");
        ERRORS.put("403", "The caller's role, reach, county, app registration or module scope does not allow this,"
                + " or the county is suspended (`detail` says why)");
        ERRORS.put("404", "The county is unknown, the module is not switched on in the county, or the record does not"
                + " exist in the county");
        ERRORS.put("409", "The record's state does not allow this step, or it conflicts with an existing record");
        ERRORS.put("413", "The request body is larger than the platform accepts (10 MB)");
        ERRORS.put("422", "The request is well-formed but the county's rules refuse it (`code` and `detail` say which)");
        ERRORS.put("429", "The app is over its requests per minute; `Retry-After` gives the seconds until the window ends");
        ERRORS.put("503", "The database or Keycloak is out of reach; try again after `Retry-After` seconds");
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation op) {
        boolean open = path.startsWith("/api/v1/public/");
        boolean county = path.startsWith("/api/v1/counties/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = op.getRequestBody() != null;
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        for (Map.Entry<String, String> error : ERRORS.entrySet()) {
            String status = error.getKey();
            boolean applies = switch (status) {
                case "401", "403" -> !open;
                case "409", "422" -> write;
                case "413" -> body;
                case "429" -> county;
                default -> true;
            };
            if (!applies) {
                continue;
            }
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(error.getValue());
                responses.addAPIResponse(status, response);
            } else if (response.getDescription() == null || response.getDescription().isBlank()
                    || response.getDescription().equals("Not Authorized") || response.getDescription().equals("Not Allowed")
                    || response.getDescription().equals("Bad Request")) {
                response.setDescription(error.getValue());
            }
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            if (status.equals("429") || status.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(30)));
            }
        }
    }

    private static void addLocation(Operation op) {
        APIResponse created = op.getResponses().getAPIResponse("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeader("Location", OASFactory.createHeader()
                    .description("The address of the record this request created")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                            .example("https://wangwu.example.org/api/v1/counties/419001/disputes/cases/"
                                    + "6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9")));
        }
    }

    /** The parameters every county path shares, described once. */
    private static final Map<String, String[]> PARAMETERS = new HashMap<>();
    static {
        PARAMETERS.put("path:county", new String[] {"The county (the tenant): its 6-digit administrative division code", "419001"});
        PARAMETERS.put("path:province", new String[] {"The province: its 2-digit division code prefix", "41"});
        PARAMETERS.put("path:village", new String[] {"The village: its 12-digit division code", "419001101201"});
        PARAMETERS.put("path:township", new String[] {"The township: its 9-digit division code", "419001101"});
        PARAMETERS.put("path:module", new String[] {"The functional module's key", "points"});
        PARAMETERS.put("path:username", new String[] {"The staff account's username", "wang.cadre"});
        PARAMETERS.put("query:limit", new String[] {"Most items on one page (1 to 200)", "50"});
        PARAMETERS.put("query:cursor", new String[] {"The `nextCursor` of the previous page; leave out for the first page",
                "2026-03-08T02:00:00Z_6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9"});
        PARAMETERS.put("query:place", new String[] {"Only what lies in this township or village (9 or 12 digits)", "419001101"});
        PARAMETERS.put("query:village", new String[] {"Only this village (12 digits)", "419001101201"});
        PARAMETERS.put("query:township", new String[] {"Only this township (9 digits)", "419001101"});
        PARAMETERS.put("query:from", new String[] {"First month included, YYYY-MM (default: eleven months ago)", "2026-01"});
        PARAMETERS.put("query:to", new String[] {"Last month included, YYYY-MM (default: this month)", "2026-06"});
        PARAMETERS.put("header:Idempotency-Key", new String[] {"A key unique to this write, 8 to 255 visible ASCII characters;"
                + " the same key with the same body answers as the first time and changes nothing more, with another body it is a 422",
                "3f1c9a0e-5b7d-4e2a-9c61-0d8e2f4b7a13"});
    }

    private static void describeParameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            String[] known = PARAMETERS.get(p.getIn().name().toLowerCase(java.util.Locale.ROOT) + ":" + p.getName());
            if (p.getName().equals("id") && p.getIn() == Parameter.In.PATH) {
                known = new String[] {"The record's id", "6f1d2c3b-8a9e-4f10-b2c3-d4e5f6a7b8c9"};
            }
            if (known == null) {
                continue;
            }
            if (p.getDescription() == null || p.getDescription().isBlank()) {
                p.setDescription(known[0]);
            }
            if (known[1] != null && p.getExample() == null && (p.getExamples() == null || p.getExamples().isEmpty())) {
                p.setExample(known[1]);
            }
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document: what every 4xx and 5xx answer of the API carries")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("A URI naming the kind of problem").example("https://wangwu.org/problems/validation-failed"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A short summary of the kind of problem").example("Validation failed"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status").example(400))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong in this request").example("name: must not be blank"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path").example("/api/v1/counties/419001/points/rules"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A stable machine-readable code of the problem").example("validation-failed"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each field (and row, for imports) that failed")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .addProperty("context", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .additionalPropertiesBoolean(true)
                        .description("Further facts of the problem, by name (for example the allowed next steps)"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One failed field of a request")
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("For imports: the 1-based data row (the header excluded)").example(3))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The field's name or path").example("name"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with it").example("must not be blank"));
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
