@org.jspecify.annotations.NullMarked
package io.kycflow.cabinet.internal;
