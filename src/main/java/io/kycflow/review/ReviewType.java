package io.kycflow.review;

public enum ReviewType {
    MESSAGE, STATUS_CHANGE
}
