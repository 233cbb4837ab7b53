package com.community.apigatewayv2.integrationresponse.local.apigateway;

import java.util.List;

/** One page of a list operation; {@code nextToken} is null on the last page. */
record Page<T>(List<T> items, String nextToken) {}
