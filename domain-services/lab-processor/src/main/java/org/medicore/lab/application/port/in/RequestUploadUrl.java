package org.medicore.lab.application.port.in;

import org.medicore.support.port.Outcome;

public interface RequestUploadUrl {

    Outcome<UploadTicket> requestUploadUrl(RequestUploadCommand command);
}
