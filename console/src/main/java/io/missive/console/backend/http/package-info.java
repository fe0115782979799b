/** The console's calls to the scheduler, tracker and gateway APIs, with a token it signs for the person signed in. */
@org.jspecify.annotations.NullMarked
package io.missive.console.backend.http;
