package com.example.ats.shared;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;

/** Builds the `next` link of a keyset page: the same request with the new cursor. */
public final class Links {

    private Links() {}

    public static URI next(UriInfo uriInfo, String nextCursor) {
        return next(uriInfo, "cursor", nextCursor);
    }

    /** The same request with {@code parameter} set to the cursor (null: no next page). */
    public static URI next(UriInfo uriInfo, String parameter, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        URI absolute = uriInfo.getRequestUriBuilder()
                .replaceQueryParam(parameter, nextCursor)
                .build();
        // Relative, so the link stays right behind proxies that rewrite host and scheme.
        return URI.create(absolute.getRawPath() + "?" + absolute.getRawQuery());
    }

    /** A 200 answer with a page: the body made from the next link, and the Link header when there is a next page. */
    public static Response page(UriInfo uriInfo, Slice<?> slice, Function<URI, Object> body) {
        URI next = next(uriInfo, slice.nextCursor());
        return withNext(Response.ok(body.apply(next)), next).build();
    }

    /** Adds {@code Link: <...>; rel="next"} when there is a next page. */
    public static Response.ResponseBuilder withNext(Response.ResponseBuilder response, URI next) {
        return next == null ? response : response.link(next, "next");
    }
}
