/**
 * The MCP server at {@code /mcp/}: Streamable HTTP through the official MCP Java SDK, guarded by a per-IP rate
 * limit, Origin and protocol-version checks and organization API key auth; tools are thin adapters over the
 * platform's services.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.mcp;
