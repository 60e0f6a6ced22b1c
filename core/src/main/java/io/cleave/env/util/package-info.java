/** Small helpers shared by the environment packages: string option maps and a stable string hash. */
package io.cleave.env.util;
