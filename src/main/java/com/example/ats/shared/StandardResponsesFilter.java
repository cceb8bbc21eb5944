package com.example.ats.shared;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Gives every operation the error answers it can always produce, as references to the shared problem responses:
 * 400 and 422 where there is a parameter or a body to read, 413 and 415 where there is a body, 401 and 403 where a
 * role is required, 500 everywhere. Run once, when the service is built: the document it filters is built then too,
 * so the start has nothing left to do for the contract.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                boolean secured = operation.getSecurity() != null
                        && !operation.getSecurity().isEmpty();
                if (secured) {
                    responses.addAPIResponse("401", ref("Unauthenticated"));
                    responses.addAPIResponse("403", ref("Forbidden"));
                }
                var badRequest = responses.getAPIResponse("400");
                if (badRequest != null && badRequest.getRef() == null) {
                    // the framework's own "Bad Request" entry for operations with a body: use the shared problem
                    responses.addAPIResponse("400", ref("MalformedRequest"));
                }
                boolean hasBody = operation.getRequestBody() != null;
                boolean hasParameters = operation.getParameters() != null
                        && !operation.getParameters().isEmpty();
                if (hasBody || hasParameters) {
                    // an unreadable parameter or body is 400, a well-formed but invalid one 422
                    addIfAbsent(responses, "400", "MalformedRequest");
                    addIfAbsent(responses, "422", "ValidationFailed");
                }
                if (hasParameters) {
                    addIfAbsent(responses, "414", "UriTooLong");
                }
                if (hasBody) {
                    addIfAbsent(responses, "413", "PayloadTooLarge");
                    addIfAbsent(responses, "415", "UnsupportedMediaType");
                }
                responses.addAPIResponse("500", ref("InternalError"));
                sortByCode(responses);
            }
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String reference) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, ref(reference));
        }
    }

    /** Responses in status order, so the document reads well and its diff stays stable. */
    private static void sortByCode(APIResponses responses) {
        var sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.keySet().forEach(responses::removeAPIResponse);
        sorted.forEach(responses::addAPIResponse);
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref(name);
    }
}
