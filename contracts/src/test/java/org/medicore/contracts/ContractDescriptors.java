package org.medicore.contracts;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The descriptor set that protoc writes next to the generated classes (with comments), and a
 * way from a message declared in it to its generated Java class.
 */
final class ContractDescriptors {

    static final String RESOURCE = "META-INF/medicore/contracts.binpb";

    private ContractDescriptors() {
    }

    /** Every .proto file of this module (imports such as google/* are not included). */
    static List<FileDescriptorProto> files() {
        try (InputStream in = ContractDescriptors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath; the protobuf plugin writes it");
            }
            return FileDescriptorSet.parseFrom(in).getFileList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FileDescriptorProto> filesInPackage(String protoPackage) {
        return files().stream().filter(file -> file.getPackage().equals(protoPackage)).toList();
    }

    /** The default instance of the generated class of a top-level message (java_multiple_files). */
    static Message defaultInstance(FileDescriptorProto file, String messageName) {
        String className = file.getOptions().getJavaPackage() + "." + messageName;
        try {
            return (Message) Class.forName(className).getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class " + className, e);
        }
    }

    static Descriptor descriptor(FileDescriptorProto file, String messageName) {
        return defaultInstance(file, messageName).getDescriptorForType();
    }
}
