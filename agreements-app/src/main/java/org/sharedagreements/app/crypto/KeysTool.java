package org.sharedagreements.app.crypto;

import org.sharedagreements.sealing.MasterKeyring;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The operator's offline tool for the master keyset, run before Spring starts
 * ({@code java -jar agreements-app.jar keys ...}): it reads a keyset (or an old base64 key) on standard input,
 * writes the new keyset on standard output and what it did on standard error, and never touches a database or
 * a network. Keeping it offline means the running service never needs to write its own key configuration.
 * <pre>
 *   keys generate                       a new keyset with one version
 *   keys rotate            &lt; old.json  the keyset with a new primary version (old versions kept, to unwrap)
 *   keys destroy --version N &lt; old.json  the keyset without version N (refused for the primary)
 *   keys list              &lt; old.json  each version, the primary marked (no key material)
 *   keys import            &lt; old-key   an old base64 master key as a keyset (its version is 1)
 * </pre>
 * Exit status 0 on success, 1 if the input is not a usable key, 2 for a usage error.
 */
public final class KeysTool {

    private static final String USAGE = "usage: keys generate | rotate | destroy --version N | list | import"
            + " (the keyset or old base64 key on standard input, the new keyset on standard output)";

    private KeysTool() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("keys")) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[1]) {
                case "generate" -> {
                    MasterKeyring keyring = MasterKeyring.generate();
                    out.println(keyring.toKeysetJson());
                    err.println("generated a keyset; primary version " + Integer.toUnsignedString(keyring.primaryVersion()));
                }
                case "rotate" -> {
                    MasterKeyring rotated = read(in).rotate();
                    out.println(rotated.toKeysetJson());
                    err.println("new primary version " + Integer.toUnsignedString(rotated.primaryVersion())
                            + "; deploy it to every node, then POST /api/admin/master-key/rewrap");
                }
                case "destroy" -> {
                    if (args.length != 4 || !args[2].equals("--version")) {
                        err.println(USAGE);
                        return 2;
                    }
                    int version = Integer.parseUnsignedInt(args[3]);
                    MasterKeyring remaining = read(in).withoutVersion(version);
                    out.println(remaining.toKeysetJson());
                    err.println("version " + args[3] + " destroyed in this keyset; remove every other copy of the old"
                            + " keyset text too");
                }
                case "list" -> {
                    MasterKeyring keyring = read(in);
                    for (int version : keyring.versions()) {
                        out.println(Integer.toUnsignedString(version)
                                + (version == keyring.primaryVersion() ? " primary" : ""));
                    }
                }
                case "import" -> {
                    MasterKeyring keyring = read(in);
                    out.println(keyring.toKeysetJson());
                    err.println("keyset with version " + Integer.toUnsignedString(keyring.primaryVersion()));
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (NumberFormatException e) {
            err.println("keys: a version is a number (as keys list prints it)");
            return 2;
        } catch (IllegalArgumentException e) {
            // messages name the setting and the problem, never key material
            err.println("keys: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("keys: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }

    private static MasterKeyring read(InputStream in) throws IOException {
        return MasterKey.fromSetting(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
