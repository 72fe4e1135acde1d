package org.medicore.lab.application.port.in;

public interface RequestUploadUrl {

    Outcome<UploadTicket> requestUploadUrl(RequestUploadCommand command);
}
