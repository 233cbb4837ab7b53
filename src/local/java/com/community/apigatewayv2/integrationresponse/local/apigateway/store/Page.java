package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import java.util.List;

/** One page of a list operation; {@code nextToken} is null on the last page. */
public record Page<T>(List<T> items, String nextToken) {}
