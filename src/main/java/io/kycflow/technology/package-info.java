@org.jspecify.annotations.NullMarked
package io.kycflow.technology;
