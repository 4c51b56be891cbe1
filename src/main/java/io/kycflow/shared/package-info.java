/**
 * Types every module may use: the business failure that REST maps to problem details and MCP to tool errors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.kycflow.shared;
